/** Spec source text and positions in it (file, line and column, counting from 1). */
package org.uapispec.grammar.source;
