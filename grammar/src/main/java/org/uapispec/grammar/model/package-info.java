/** The scenario model the engine executes: checked, lowered specs with concrete steps, and the call table bound to the api; knows nothing of ANTLR or the syntax tree. */
package org.uapispec.grammar.model;
