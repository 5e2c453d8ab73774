/** Parsing: the ANTLR grammar (generated code stays in this package) and the facade that builds the syntax tree. */
package org.uapispec.grammar.parse;
