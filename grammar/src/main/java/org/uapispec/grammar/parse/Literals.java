package org.uapispec.grammar.parse;

import org.antlr.v4.runtime.Token;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.source.SourcePos;

/** Decodes literals: strings with escapes, integers up to 64 bits (unsigned), hex byte strings. */
final class Literals {
    private Literals() {
    }

    /** The text of a string token without quotes, escapes resolved; a bad escape is reported. */
    static String string(TreeContext at, Token token) {
        String body = at.textInside(token);
        int escape = body.indexOf('\\');
        if (escape < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        out.append(body, 0, escape);
        for (int i = escape; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case '\\', '"' -> out.append(next);
                default -> at.diagnostics.error(inBody(at, token, 1, body, i), "unknown escape '\\"
                        + Character.toString(body.codePointAt(i)) + "' in string");
            }
        }
        return out.toString();
    }

    static Expr integer(TreeContext at, Token token) {
        String text = at.text(token);
        long fits = fitting(text);
        if (fits >= 0) {
            return new Expr.IntLit(at.pos(token), fits, text);
        }
        String digits = text.indexOf('_') < 0 ? text : text.replace("_", "");
        try {
            long value = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseUnsignedLong(digits.substring(2), 16)
                    : Long.parseUnsignedLong(digits);
            return new Expr.IntLit(at.pos(token), value, text);
        } catch (NumberFormatException e) {
            at.diagnostics.error(at.pos(token), "integer '" + text + "' does not fit in 64 bits");
            return new Expr.IntLit(at.pos(token), 0, text);
        }
    }

    /**
     * The value of an {@code INT} token that surely fits in 63 bits (up to 18 decimal or 15 hex
     * digits, underscores aside), as {@code Long.parseUnsignedLong} would give it; -1 for any other,
     * which {@link #integer} then parses that way, reporting what does not fit.
     */
    private static long fitting(String text) {
        boolean hex = text.length() > 1 && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        long value = 0;
        int digits = 0;
        for (int i = hex ? 2 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                continue;
            }
            int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; // the lexer let only digits through
            value = hex ? value << 4 | digit : value * 10 + digit;
            digits++;
        }
        return digits == 0 || digits > (hex ? 15 : 18) ? -1 : value;
    }

    static Expr hex(TreeContext at, Token token) {
        String text = at.text(token);
        String body = text.substring(2, text.length() - 1);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < body.length(); i += Character.charCount(body.codePointAt(i))) {
            int c = body.codePointAt(i);
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                // ASCII only: Character.digit also takes other scripts' digits, which HexFormat refuses.
                digits.append(Character.toLowerCase((char) c));
            } else if (c != ' ' && c != '\t') {
                at.diagnostics.error(inBody(at, token, 2, body, i), "'" + Character.toString(c)
                        + "' is not a hex digit in " + text);
                return new Expr.HexLit(at.pos(token), "");
            }
        }
        if (digits.length() % 2 != 0) {
            at.diagnostics.error(at.pos(token), "odd number of hex digits in " + text);
        }
        return new Expr.HexLit(at.pos(token), digits.toString());
    }

    /**
     * The position of {@code body}'s UTF-16 index {@code index}, where the body starts
     * {@code opening} code points into the token ({@code "} or {@code x"}); columns count code points.
     */
    private static SourcePos inBody(TreeContext at, Token token, int opening, String body, int index) {
        return at.pos(token, opening + body.codePointCount(0, index));
    }
}
