/** Diagnostics: problems found in a spec, as values with a severity, a position and a message. */
package org.uapispec.grammar.diag;
