/** The alert pipeline after the rules: dedup/group, escalate/resolve, silence, route; each stage testable alone. */
package io.firebreak.alert;
