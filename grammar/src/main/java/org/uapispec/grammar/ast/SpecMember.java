package org.uapispec.grammar.ast;

/** What a spec body holds. */
public sealed interface SpecMember extends Node permits Meta, Setup, InvariantDecl, ScenarioDecl {
}
