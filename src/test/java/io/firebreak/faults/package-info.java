/**
 * The fault suite ({@code mvn -Pfaults verify}, run by CI): Elasticsearch killed mid-ingest, Firebreak
 * killed mid-ingest and mid-wave, Slack failing then recovering, a load run. Each asserts that nothing
 * acknowledged is lost and nothing is sent twice.
 */
package io.firebreak.faults;
