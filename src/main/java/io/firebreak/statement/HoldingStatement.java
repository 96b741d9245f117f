package io.firebreak.statement;

import io.firebreak.alert.Alert;

/**
 * A statement ready to post: which template ({@code category/variant/severity-key}), the filled
 * text, and the responder's checklist.
 */
public record HoldingStatement(String templateId, String text, Checklist checklist) {

    /** The Alert v1 {@code statement} object. */
    public Alert.Statement asAlertStatement() {
        return new Alert.Statement(templateId, text);
    }
}
