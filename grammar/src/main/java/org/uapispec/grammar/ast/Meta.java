package org.uapispec.grammar.ast;

/** Metadata allowed on a spec and on a scenario: description, tags, profiles, catalogue ids. */
public sealed interface Meta extends SpecMember, ScenarioMember permits Description, NameList, ProfileList {
}
