/** Incidents: playbooks, timeline and post-incident report. */
package io.firebreak.incident;
