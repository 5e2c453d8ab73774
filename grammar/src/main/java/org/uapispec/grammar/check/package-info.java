/**
 * Checker passes over the syntax tree: names, types, calls, outcomes, profiles and resource
 * lifetimes. What it resolves on the way (each call's operation, arguments and process, what each
 * name and field stands for, each operator's type, each outcome) is its result for lowering.
 */
package org.uapispec.grammar.check;
