/**
 * Alert state: the {@link io.firebreak.alert.AlertBook} (one per brand, the only place an alert changes),
 * its journal for restarts, and what applies to versions on their way out (silences, routing).
 */
package io.firebreak.alert;
