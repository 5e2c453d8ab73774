package org.uapispec.grammar.ast;

import org.uapispec.grammar.source.SourcePos;

/** Every syntax-tree node knows where it starts in the source. */
public interface SyntaxNode {
    SourcePos pos();
}
