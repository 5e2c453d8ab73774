package org.uapispec.grammar.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.source.LineMap;
import org.uapispec.grammar.source.SourcePos;

/** Turns ANTLR syntax errors into diagnostics with plain-language messages. */
final class SyntaxErrorCollector extends BaseErrorListener {
    private static final int MAX_LISTED = 6;

    private final LineMap lines;
    private final Diagnostics diagnostics;
    private final TokenScanner scanner;

    SyntaxErrorCollector(LineMap lines, Diagnostics diagnostics, TokenScanner scanner) {
        this.lines = lines;
        this.diagnostics = diagnostics;
        this.scanner = scanner;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        // The parser always names the token; the line and column ANTLR passes count '\n' only.
        SourcePos pos = offendingSymbol instanceof Token token && token.getStartIndex() >= 0
                ? lines.at(token.getStartIndex()) : lines.at(0);
        // What follows an unterminated string is most likely its consequence (the string took the
        // rest of its line): the string is reported, the parser's complaints after it are not.
        int unterminated = scanner.firstUnterminatedString();
        if (unterminated >= 0 && offendingSymbol instanceof Token token
                && (token.getStartIndex() > unterminated || isEof(token))) {
            return;
        }
        if (offendingSymbol instanceof Token token && isEof(token) && recognizer instanceof Parser parser) {
            pos = afterLastToken(parser.getInputStream(), token, pos);
        }
        String message = e == null ? rephrase(msg) : unexpected(e);
        // At the end of the file only where a '}' is what is missing.
        if (offendingSymbol instanceof Token token && (!isEof(token) || message.contains("'}'"))) {
            message += scanner.unclosedBraceAt(token.getTokenIndex())
                    .map(open -> "; the '{' at " + open.lineAndColumn() + " is never closed").orElse("");
        }
        diagnostics.error(pos, message);
    }

    private static String unexpected(RecognitionException e) {
        String found = TokenNames.describe(e.getOffendingToken());
        IntervalSet expected = e.getExpectedTokens();
        List<String> names = new ArrayList<>();
        if (expected != null) {
            for (int type : expected.toList()) {
                names.add(TokenNames.expected(type));
            }
        }
        return "unexpected " + found + expectedPart(found, names);
    }

    /**
     * ", expected X or Y" when the list is short; at the end of the file a missing closing brace is
     * the useful hint even among many alternatives.
     */
    private static String expectedPart(String found, List<String> expected) {
        if (expected.isEmpty()) {
            return "";
        }
        if (expected.size() <= MAX_LISTED) {
            return ", expected " + TokenNames.joinAlternatives(expected);
        }
        return found.equals("end of file") && expected.contains("'}'") ? ", expected '}'" : "";
    }

    private static final Pattern EXTRANEOUS = Pattern.compile("(?:extraneous|mismatched) input (.*) expecting (.*)");
    private static final Pattern MISSING = Pattern.compile("missing (.*) at (.*)");

    /** ANTLR's recovery messages ("missing X at Y", "extraneous input X expecting Y") in our words. */
    private static String rephrase(String msg) {
        Matcher extraneous = EXTRANEOUS.matcher(msg);
        if (extraneous.matches()) {
            String found = eof(extraneous.group(1));
            return "unexpected " + found + expectedPart(found, tokenSet(extraneous.group(2)));
        }
        Matcher missing = MISSING.matcher(msg);
        if (missing.matches()) {
            return "missing " + TokenNames.joinAlternatives(tokenSet(missing.group(1))) + " before " + eof(missing.group(2));
        }
        return eof(msg);
    }

    /** {@code {'a', NAME}} or {@code NAME} as the names messages use. */
    private static List<String> tokenSet(String text) {
        String body = text.startsWith("{") && text.endsWith("}") ? text.substring(1, text.length() - 1) : text;
        List<String> names = new ArrayList<>();
        for (String item : body.split(", ")) {
            int type = UapiLexer.VOCABULARY.getMaxTokenType();
            String name = eof(item);
            for (int t = 1; t <= type; t++) {
                if (item.equals(UapiLexer.VOCABULARY.getSymbolicName(t)) && UapiLexer.VOCABULARY.getLiteralName(t) == null) {
                    name = TokenNames.expected(t);
                }
            }
            names.add(name);
        }
        return names;
    }

    private static String eof(String text) {
        return text.replace("'<EOF>'", "end of file").replace("<EOF>", "end of file");
    }

    /**
     * A file that ends too early is reported right after its last token, on the line the reader
     * would fix, not after trailing comments. No token of the default channel spans lines.
     */
    private SourcePos afterLastToken(TokenStream tokens, Token eof, SourcePos fallback) {
        for (int i = eof.getTokenIndex() - 1; i >= 0; i--) {
            Token previous = tokens.get(i);
            if (previous.getChannel() == Token.DEFAULT_CHANNEL && previous.getStopIndex() >= 0) {
                return lines.at(previous.getStopIndex() + 1);
            }
        }
        return fallback;
    }

    static boolean isEof(Token token) {
        return token.getType() == Token.EOF;
    }
}
