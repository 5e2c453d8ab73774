package org.uapispec.grammar.parse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.source.LineMap;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

/**
 * Lexes the whole text before parsing: reports characters the language does not know and malformed
 * kernel eras (and drops them, so that the parser still reports what else is wrong), unterminated
 * strings and numbers run into letters (and hands the parser a string or a number in their place,
 * so that it does not report their absence), and refuses nesting deeper than {@link #MAX_NESTING},
 * which would otherwise overflow the stack of the recursive-descent parser. It also notes, for each
 * token where a forgotten {@code '}'} shows (a {@code scenario}, {@code setup} or {@code invariant}
 * inside a block, the end of the file), the innermost {@code '{'} still open there. It is the lexer as the parser's token source sees it,
 * filtered on the fly: the tokens are buffered once, in the token stream.
 *
 * <p>The stream holds only the tokens the parser reads; the {@code ///} doc comments, on their own
 * channel, go to {@link DocComments} instead. A {@code CommonTokenStream} would have to step over
 * them on every move of the parser ({@code consume}, {@code LT(-1)} when a rule ends), so the
 * parser reads a plain {@link BufferedTokenStream}, which never looks at channels. The parser sees
 * the same tokens either way.
 */
final class TokenScanner implements TokenSource {
    /** Brackets of all kinds plus a run of prefix operators; real specs nest fewer than 10 levels. */
    static final int MAX_NESTING = 100;

    private final LineMap lines;
    private final Diagnostics diagnostics;
    private final UapiLexer lexer;
    private int depth;
    private int prefixRun;
    private boolean previousWasBad;
    private final DocComments docs = new DocComments();
    /** Tokens handed to the stream so far: the index the stream gives the next one. */
    private int handedOut;
    /** Where the {@code '{'} not closed yet start (char indexes), innermost last, in {@code [0, openCount)}. */
    private int[] openBraces = new int[16];
    private int openCount;
    /** By token index: the innermost {@code '{'} open at a token where a missing {@code '}'} shows. */
    private final Map<Integer, SourcePos> unclosed = new HashMap<>();
    /** Where the first unterminated string starts (a char index), or -1. */
    private int firstUnterminated = -1;

    TokenScanner(SourceFile source, LineMap lines, Diagnostics diagnostics) {
        this.lines = lines;
        this.diagnostics = diagnostics;
        this.lexer = new UapiLexer(charStream(source));
        lexer.removeErrorListeners();
    }

    /**
     * The text as the lexer reads it: {@code CharStreams.fromString}, which copies the text into a
     * char buffer and then, one char at a time, into a byte buffer when every char fits in a byte.
     * For an ASCII text (nearly every spec) the same stream is made straight from its UTF-8 bytes,
     * which are then its ISO 8859-1 bytes; {@code getBytes} checks and copies them in bulk. As many
     * bytes as chars means ASCII or lone surrogates (which UTF-8 encodes as {@code ?}); decoding the
     * bytes again tells which, again in bulk.
     */
    static CharStream charStream(SourceFile source) {
        String text = source.text();
        byte[] ascii = text.getBytes(StandardCharsets.UTF_8);
        if (ascii.length != text.length() || !new String(ascii, StandardCharsets.ISO_8859_1).equals(text)) {
            return CharStreams.fromString(text, source.name());
        }
        return CodePointCharStream.fromBuffer(CodePointBuffer.withBytes(ByteBuffer.wrap(ascii)), source.name());
    }

    /**
     * Every token of the file for the parser (ending with EOF, without doc comments) in a stream, or
     * null when nesting is too deep.
     */
    BufferedTokenStream scan() {
        BufferedTokenStream stream = new BufferedTokenStream(this);
        try {
            stream.fill();
        } catch (TooDeep e) {
            return null;
        }
        return stream;
    }

    @Override
    public Token nextToken() {
        for (Token token = lexer.nextToken(); ; token = lexer.nextToken()) {
            int type = token.getType();
            if (type == UapiLexer.ERROR_CHAR || type == UapiLexer.BAD_ERA) {
                if (!previousWasBad) {
                    reportBad(token);
                }
                previousWasBad = type == UapiLexer.ERROR_CHAR;
                continue;
            }
            previousWasBad = false;
            if (type == UapiLexer.UNTERMINATED_STRING) {
                diagnostics.error(pos(token), "unterminated string");
                if (firstUnterminated < 0) {
                    firstUnterminated = token.getStartIndex();
                }
                token = standIn(token, UapiLexer.STRING, token.getText() + "\"");
                type = UapiLexer.STRING;
            } else if (type == UapiLexer.BAD_NUMBER) {
                diagnostics.error(pos(token), badNumber(token.getText()));
                token = standIn(token, UapiLexer.INT, "0");
                type = UapiLexer.INT;
            }
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                docs.add(token, handedOut); // the only other channel the lexer emits
                continue;
            }
            if (type != Token.EOF) {
                nest(token);
            } else if (openCount > 0) {
                unclosed.put(handedOut, lines.at(openBraces[openCount - 1]));
            }
            handedOut++;
            return token;
        }
    }

    /** A well-formed token of {@code type} in the place of a malformed one, which was reported. */
    private static Token standIn(Token bad, int type, String text) {
        CommonToken token = new CommonToken(bad);
        token.setType(type);
        token.setText(text);
        return token;
    }

    /** What is wrong with a number run into letters: the first character that is no digit of it. */
    static String badNumber(String text) {
        boolean hex = text.length() > 1 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        if (hex && text.length() == 2) {
            return "number '" + text + "' has no digits";
        }
        for (int i = hex ? 2 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c == '_' || (hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9');
            if (!digit) {
                return "'" + c + "' is not a " + (hex ? "hex " : "") + "digit in the number '" + text + "'";
            }
        }
        return "malformed number '" + text + "'";
    }

    /**
     * The innermost {@code '{'} still open at the token of index {@code tokenIndex}, if that token is
     * one where a forgotten {@code '}'} shows.
     */
    Optional<SourcePos> unclosedBraceAt(int tokenIndex) {
        return Optional.ofNullable(unclosed.get(tokenIndex));
    }

    /** Where the first unterminated string starts, as a char index; -1 if there is none. */
    int firstUnterminatedString() {
        return firstUnterminated;
    }

    /** The doc comments of the scanned file. */
    DocComments docs() {
        return docs;
    }

    private void nest(Token token) {
        int type = token.getType();
        if (type == UapiLexer.LBRACE) {
            if (openCount == openBraces.length) {
                openBraces = Arrays.copyOf(openBraces, 2 * openCount);
            }
            openBraces[openCount++] = token.getStartIndex();
        } else if (type == UapiLexer.RBRACE && openCount > 0) {
            openCount--;
        } else if ((type == UapiLexer.SCENARIO || type == UapiLexer.SETUP || type == UapiLexer.INVARIANT)
                && openCount >= 2 || type == UapiLexer.SPEC && openCount > 0) {
            unclosed.put(handedOut, lines.at(openBraces[openCount - 1]));
        }
        depth += nestingChange(type);
        depth = Math.max(depth, 0);
        prefixRun = isPrefixOperator(type) ? prefixRun + 1 : 0;
        if (depth + prefixRun > MAX_NESTING) {
            diagnostics.error(pos(token), "nesting deeper than " + MAX_NESTING + " levels");
            throw new TooDeep();
        }
    }

    private void reportBad(Token token) {
        if (token.getType() == UapiLexer.BAD_ERA) {
            diagnostics.error(pos(token), "malformed kernel era '" + TokenNames.printable(token.getText())
                    + "', write it as '@6.1' or '@6.1+'");
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
        return lines.at(token.getStartIndex());
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }

    /** Stops the scan when nesting is too deep; never leaves this class. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }
}
