package org.uapispec.grammar.parse;

import java.util.List;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.source.SourcePos;

/** What the tree builders share: the file name for positions, the tokens for doc comments, diagnostics. */
final class TreeContext {
    private final String file;
    private final BufferedTokenStream tokens;
    final Diagnostics diagnostics;

    TreeContext(String file, BufferedTokenStream tokens, Diagnostics diagnostics) {
        this.file = file;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    SourcePos pos(Token token) {
        return new SourcePos(file, Math.max(1, token.getLine()), token.getCharPositionInLine() + 1);
    }

    SourcePos pos(ParserRuleContext ctx) {
        return pos(ctx.getStart());
    }

    SourcePos pos(TerminalNode node) {
        return pos(node.getSymbol());
    }

    Name name(TerminalNode node) {
        return new Name(pos(node), node.getText());
    }

    Name name(Token token) {
        return new Name(pos(token), token.getText());
    }

    /** The {@code ///} lines right before the construct, without the slashes and one leading space. */
    List<String> doc(ParserRuleContext ctx) {
        List<Token> hidden = tokens.getHiddenTokensToLeft(ctx.getStart().getTokenIndex(), UapiLexer.DOCS);
        if (hidden == null) {
            return List.of();
        }
        return hidden.stream().map(t -> {
            String text = t.getText().substring(3);
            return text.startsWith(" ") ? text.substring(1) : text;
        }).map(String::stripTrailing).toList();
    }
}
