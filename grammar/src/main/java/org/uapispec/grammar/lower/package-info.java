/**
 * Lowering: turns a checked syntax tree into the scenario model, expanding loops and profiles. It
 * takes every call, name, field and outcome as the checker resolved it ({@code CheckResult}) and
 * keeps no names of its own: its only state is the row of each loop being expanded.
 */
package org.uapispec.grammar.lower;
