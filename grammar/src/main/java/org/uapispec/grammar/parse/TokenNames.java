package org.uapispec.grammar.parse;

import java.util.List;
import org.antlr.v4.runtime.Token;

/** How tokens are named in messages: keywords and punctuation quoted, the rest in words. */
final class TokenNames {
    private TokenNames() {
    }

    /** The kind of token the parser expected, e.g. {@code 'spec'} or {@code name}. */
    static String expected(int type) {
        if (type == Token.EOF) {
            return "end of file";
        }
        String literal = UapiLexer.VOCABULARY.getLiteralName(type);
        if (literal != null) {
            return literal;
        }
        return switch (type) {
            case UapiLexer.NAME -> "name";
            case UapiLexer.INT -> "integer";
            case UapiLexer.STRING -> "string";
            case UapiLexer.HEXBYTES -> "hex bytes";
            case UapiLexer.ERA -> "kernel era";
            default -> UapiLexer.VOCABULARY.getDisplayName(type).toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The token that was found, e.g. {@code 'foo'} or {@code end of file}. */
    static String describe(Token token) {
        if (token == null || token.getType() == Token.EOF) {
            return "end of file";
        }
        return "'" + printable(token.getText()) + "'";
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || cp == 0xfffd) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static String joinAlternatives(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
