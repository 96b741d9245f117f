/** Holding statements: templates per category and severity, filled from the alert's evidence. */
package io.firebreak.statement;
