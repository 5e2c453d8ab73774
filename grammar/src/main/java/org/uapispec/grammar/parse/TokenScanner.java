package org.uapispec.grammar.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

/**
 * Lexes the whole text before parsing: reports characters the language does not know and
 * unterminated strings (and drops them, so that the parser still reports what else is wrong), and
 * refuses nesting deeper than {@link #MAX_NESTING}, which would otherwise overflow the stack of the
 * recursive-descent parser.
 */
final class TokenScanner {
    /** Brackets of all kinds plus a run of prefix operators; real specs nest fewer than 10 levels. */
    static final int MAX_NESTING = 100;

    private final SourceFile source;
    private final Diagnostics diagnostics;

    TokenScanner(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** The tokens for the parser (ending with EOF), or an empty list when nesting is too deep. */
    List<Token> scan() {
        UapiLexer lexer = new UapiLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        List<Token> kept = new ArrayList<>();
        int depth = 0;
        int prefixRun = 0;
        boolean previousWasBad = false;
        for (Token token = lexer.nextToken(); ; token = lexer.nextToken()) {
            int type = token.getType();
            if (type == UapiLexer.ERROR_CHAR || type == UapiLexer.UNTERMINATED_STRING) {
                if (!previousWasBad) {
                    reportBad(token);
                }
                previousWasBad = type == UapiLexer.ERROR_CHAR;
                continue;
            }
            previousWasBad = false;
            kept.add(token);
            if (type == Token.EOF) {
                return kept;
            }
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            depth += nestingChange(type);
            depth = Math.max(depth, 0);
            prefixRun = isPrefixOperator(type) ? prefixRun + 1 : 0;
            if (depth + prefixRun > MAX_NESTING) {
                diagnostics.error(pos(token), "nesting deeper than " + MAX_NESTING + " levels");
                return List.of();
            }
        }
    }

    private void reportBad(Token token) {
        if (token.getType() == UapiLexer.UNTERMINATED_STRING) {
            diagnostics.error(pos(token), "unterminated string");
        } else {
            diagnostics.error(pos(token), "unexpected character '" + TokenNames.printable(token.getText()) + "'");
        }
    }

    private static int nestingChange(int type) {
        switch (type) {
            case UapiLexer.LPAREN, UapiLexer.LBRACK, UapiLexer.LBRACE:
                return 1;
            case UapiLexer.RPAREN, UapiLexer.RBRACK, UapiLexer.RBRACE:
                return -1;
            default:
                return 0;
        }
    }

    private static boolean isPrefixOperator(int type) {
        return type == UapiLexer.MINUS || type == UapiLexer.TILDE || type == UapiLexer.BANG;
    }

    private SourcePos pos(Token token) {
        return new SourcePos(source.name(), Math.max(1, token.getLine()), token.getCharPositionInLine() + 1);
    }
}
