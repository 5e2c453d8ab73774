package org.uapispec.grammar.check;

import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.ValueType;
import org.uapispec.grammar.source.SourcePos;

/** What the checker knows about a name while it walks a scenario: its type, who made it, whether it is closed. */
final class Binding {
    final Name decl;
    final ValueType type;
    /** The call that bound it (for result fields); null for loop variables. */
    final Operation producer;
    /** For a handle: the name of the file it lives in, so that closing the file closes it. */
    final String file;
    /** Whether it is a loop's outcome column rather than a value. */
    final boolean outcomeVariable;
    private final Binding origin;
    private boolean used;
    /** For an outcome column: whether some row allows success. */
    boolean outcomeMayBeOk;
    SourcePos closedAt;
    String closedBy;

    Binding(Name decl, ValueType type, Operation producer, String file, boolean outcomeVariable, Binding origin) {
        this.decl = decl;
        this.type = type;
        this.producer = producer;
        this.file = file;
        this.outcomeVariable = outcomeVariable;
        this.origin = origin;
    }

    static Binding of(Name decl, ValueType type, Operation producer, String file) {
        return new Binding(decl, type, producer, file, false, null);
    }

    /** A fresh copy for one scenario of a setup binding: its own lifetime, shared use marks. */
    Binding copyForScenario() {
        Binding copy = new Binding(decl, type, producer, file, outcomeVariable, this);
        copy.closedAt = closedAt;
        copy.closedBy = closedBy;
        return copy;
    }

    void markUsed() {
        used = true;
        if (origin != null) {
            origin.markUsed();
        }
    }

    boolean used() {
        return used;
    }

    void close(SourcePos at, String verb) {
        closedAt = at;
        closedBy = verb;
    }

    String name() {
        return decl.text();
    }
}
