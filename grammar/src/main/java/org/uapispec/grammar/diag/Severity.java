package org.uapispec.grammar.diag;

/** How bad a diagnostic is: an error stops compilation after its stage, a warning does not. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lowercase word printed in front of the message. */
    public String label() {
        return label;
    }
}
