/** Checker passes over the syntax tree: names, types, calls, outcomes, profiles and resource lifetimes. */
package org.uapispec.grammar.check;
