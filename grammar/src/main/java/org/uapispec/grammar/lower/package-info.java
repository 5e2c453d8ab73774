/** Lowering: turns a checked syntax tree into the scenario model, expanding loops and resolving constants and profiles. */
package org.uapispec.grammar.lower;
