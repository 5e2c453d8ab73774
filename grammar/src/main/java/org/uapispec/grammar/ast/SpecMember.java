package org.uapispec.grammar.ast;

/** What a spec body holds. */
public sealed interface SpecMember extends SyntaxNode permits Meta, Setup, InvariantDecl, ScenarioDecl, ConstantDecl {
}
