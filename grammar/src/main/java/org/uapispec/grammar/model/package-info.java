/** The scenario model the engine executes: checked, lowered specs with concrete steps; knows nothing of ANTLR or the syntax tree. */
package org.uapispec.grammar.model;
