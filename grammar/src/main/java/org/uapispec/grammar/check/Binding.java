package org.uapispec.grammar.check;

import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.Value;
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
    /** For a loop's outcome column, its loop; null for a value. */
    final ForLoop outcomeLoop;
    final boolean outcomeVariable;
    /** Whether the name is an indexed binding ({@code h[i] = ...}): one value per index. */
    final boolean indexed;
    /** What lowering reads for a use of the name; null after an error in the binding step. */
    final Resolution resolution;
    private final Binding origin;
    private boolean used;
    /** For an outcome column: whether some row allows success. */
    boolean outcomeMayBeOk;
    SourcePos closedAt;
    String closedBy;

    private Binding(Name decl, ValueType type, Operation producer, String file, ForLoop outcomeLoop,
            Resolution resolution, Binding origin) {
        this.indexed = resolution instanceof Resolution.Indexed;
        this.decl = decl;
        this.type = type;
        this.producer = producer;
        this.file = file;
        this.outcomeLoop = outcomeLoop;
        this.outcomeVariable = outcomeLoop != null;
        this.resolution = resolution;
        this.origin = origin;
    }

    /** A name a step binds to the result of {@code producer}, owned by {@code owner}. */
    static Binding bound(Name decl, ValueType type, Operation producer, String file, Actor owner) {
        Resolution resolution = new Resolution.Bound(new Value.Ref(decl.text(), type), producer, owner);
        return new Binding(decl, type, producer, file, null, resolution, null);
    }

    /** The name of an indexed binding ({@code h[i] = ...}), every index's value of {@code type}. */
    static Binding indexed(Name decl, ValueType type, Operation producer, Actor owner) {
        Resolution resolution = new Resolution.Indexed(decl.text(), null, type, null, owner);
        return new Binding(decl, type, producer, null, null, resolution, null);
    }

    /** A step's name after an error in the step: typed when the call is known, so that uses give no follow-up errors. */
    static Binding afterError(Name decl, ValueType type, Operation producer) {
        return new Binding(decl, type, producer, null, null, null, null);
    }

    /** Value column {@code index} of {@code loop}. */
    static Binding column(Name decl, ValueType type, ForLoop loop, int index) {
        return new Binding(decl, type, null, null, null, new Resolution.Column(loop, index), null);
    }

    /** The outcome column of {@code loop}. */
    static Binding outcomeColumn(Name decl, ForLoop loop) {
        return new Binding(decl, ValueType.INT, null, null, loop, null, null);
    }

    /** A fresh copy for one scenario of a setup binding: its own lifetime, shared use marks. */
    Binding copyForScenario() {
        Binding copy = new Binding(decl, type, producer, file, outcomeLoop, resolution, this);
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
