package org.uapispec.grammar.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names visible at a point of a scenario: its own bindings, then the enclosing scope's. */
final class Scope {
    private final Scope parent;
    private final Map<String, Binding> own = new LinkedHashMap<>();
    private final List<Binding> history = new ArrayList<>();
    /** Whether indexed bindings made in nested scopes live here: the setup's and each scenario's. */
    private final boolean statementsRoot;

    Scope(Scope parent) {
        this(parent, false);
    }

    private Scope(Scope parent, boolean statementsRoot) {
        this.parent = parent;
        this.statementsRoot = statementsRoot;
    }

    /** The scope of a setup's or a scenario's statements, where their indexed bindings live. */
    static Scope ofStatements(Scope parent) {
        return new Scope(parent, true);
    }

    /**
     * Where an indexed binding made here lives: the setup's or the scenario's scope, so that a loop
     * that binds {@code h[i]} leaves every {@code h[...]} to the statements after it.
     */
    Scope statementsScope() {
        Scope at = this;
        while (!at.statementsRoot && at.parent != null) {
            at = at.parent;
        }
        return at;
    }

    Binding lookup(String name) {
        Binding binding = own.get(name);
        return binding != null || parent == null ? binding : parent.lookup(name);
    }

    /** The binding made in this scope itself, ignoring enclosing ones. */
    Binding lookupOwn(String name) {
        return own.get(name);
    }

    void bind(Binding binding) {
        own.put(binding.name(), binding);
        history.add(binding);
    }

    /** Every binding made in this scope, also those later rebound under the same name. */
    List<Binding> ownHistory() {
        return Collections.unmodifiableList(history);
    }

    Collection<String> visibleNames() {
        Set<String> names = new LinkedHashSet<>(own.keySet());
        if (parent != null) {
            names.addAll(parent.visibleNames());
        }
        return names;
    }

    /** The current binding of every visible name. */
    List<Binding> visible() {
        List<Binding> out = new ArrayList<>();
        for (String name : visibleNames()) {
            out.add(lookup(name));
        }
        return out;
    }

    /** A scope for one scenario holding fresh copies of this (setup) scope's bindings. */
    Scope copyForScenario() {
        Scope copy = new Scope(null);
        own.values().forEach(b -> copy.own.put(b.name(), b.copyForScenario()));
        return copy;
    }
}
