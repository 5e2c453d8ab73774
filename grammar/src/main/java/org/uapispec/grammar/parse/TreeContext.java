package org.uapispec.grammar.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNodeImpl;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.source.LineMap;
import org.uapispec.grammar.source.SourcePos;

/**
 * What the tree builders share: the line map for positions, the tokens for doc comments,
 * diagnostics, and the walk over a node's children.
 *
 * <p>The builders read each parse-tree node by walking its children once and testing their classes,
 * not through the generated accessors ({@code ctx.NAME()}, {@code ctx.expr(i)}): each accessor scans
 * every child again, and the token accessors test each child against the {@code TerminalNode}
 * interface, which is slow on JDK 17 when the interfaces tested alternate (JDK-8180450). The tree
 * is error-free when the builders run, so every terminal is a {@link TerminalNodeImpl}.
 */
final class TreeContext {
    private final LineMap lines;
    private final BufferedTokenStream tokens;
    final Diagnostics diagnostics;
    private Token lastToken;
    private SourcePos lastPos;

    TreeContext(LineMap lines, BufferedTokenStream tokens, Diagnostics diagnostics) {
        this.lines = lines;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    /** The children of a node; empty for a rule that matched nothing. */
    static List<ParseTree> children(ParserRuleContext ctx) {
        return ctx.children == null ? List.of() : ctx.children;
    }

    /** The token of a terminal child, or null when the child is a rule. */
    static Token token(ParseTree child) {
        return child instanceof TerminalNodeImpl terminal ? terminal.symbol : null;
    }

    /** Whether the child is a terminal of this token type. */
    static boolean isToken(ParseTree child, int type) {
        Token token = token(child);
        return token != null && token.getType() == type;
    }

    /**
     * The position of a token, from the lexer's line and column where {@link LineMap} agrees with
     * them. Nested nodes often start at the same token (a statement, its step, its call and the
     * call's name), so the last position made is reused for them.
     */
    SourcePos pos(Token token) {
        if (token != lastToken) {
            lastToken = token;
            lastPos = lines.at(token.getStartIndex(), token.getLine(), token.getCharPositionInLine());
        }
        return lastPos;
    }

    /** The position {@code codePoints} code points into a token (tokens do not span lines). */
    SourcePos pos(Token token, int codePoints) {
        return lines.at(token.getStartIndex() + codePoints, token.getLine(), token.getCharPositionInLine() + codePoints);
    }

    SourcePos pos(ParserRuleContext ctx) {
        return pos(ctx.getStart());
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
        List<String> lines = new ArrayList<>(hidden.size());
        for (Token token : hidden) {
            String text = token.getText().substring(3);
            lines.add((text.startsWith(" ") ? text.substring(1) : text).stripTrailing());
        }
        return lines;
    }
}
