/** The immutable syntax tree of a spec file: sealed interfaces and records, each with its position first. */
package org.uapispec.grammar.ast;
