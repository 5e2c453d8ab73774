package org.uapispec.grammar.parse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.source.LineMap;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

/**
 * Lexes the whole text before parsing: reports characters the language does not know, unterminated
 * strings and malformed kernel eras (and drops them, so that the parser still reports what else is
 * wrong), and refuses nesting deeper than {@link #MAX_NESTING}, which would otherwise overflow the
 * stack of the recursive-descent parser. It is the lexer as the parser's token source sees it,
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
            if (type == UapiLexer.ERROR_CHAR || type == UapiLexer.UNTERMINATED_STRING || type == UapiLexer.BAD_ERA) {
                if (!previousWasBad) {
                    reportBad(token);
                }
                previousWasBad = type == UapiLexer.ERROR_CHAR;
                continue;
            }
            previousWasBad = false;
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                docs.add(token, handedOut); // the only other channel the lexer emits
                continue;
            }
            if (type != Token.EOF) {
                nest(token);
            }
            handedOut++;
            return token;
        }
    }

    /** The doc comments of the scanned file. */
    DocComments docs() {
        return docs;
    }

    private void nest(Token token) {
        int type = token.getType();
        depth += nestingChange(type);
        depth = Math.max(depth, 0);
        prefixRun = isPrefixOperator(type) ? prefixRun + 1 : 0;
        if (depth + prefixRun > MAX_NESTING) {
            diagnostics.error(pos(token), "nesting deeper than " + MAX_NESTING + " levels");
            throw new TooDeep();
        }
    }

    private void reportBad(Token token) {
        if (token.getType() == UapiLexer.UNTERMINATED_STRING) {
            diagnostics.error(pos(token), "unterminated string");
        } else if (token.getType() == UapiLexer.BAD_ERA) {
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
