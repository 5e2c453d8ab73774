package org.uapispec.grammar.ast;

/** What a scenario body holds: its own metadata and its statements. */
public sealed interface ScenarioMember extends SyntaxNode permits Meta, Statement {
}
