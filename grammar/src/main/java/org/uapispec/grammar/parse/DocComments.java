package org.uapispec.grammar.parse;

import java.util.Arrays;
import org.antlr.v4.runtime.Token;

/**
 * The {@code ///} tokens of a file, kept beside the parser's token stream rather than in it (see
 * {@link TokenScanner}), each with the index of the token they stand before: the doc comment of a
 * construct is the run of them before its first token.
 */
final class DocComments {
    private Token[] tokens = new Token[8];
    /** For each doc token, the index in the token stream of the next token the parser sees; ascending. */
    private int[] before = new int[8];
    private int size;

    void add(Token doc, int nextTokenIndex) {
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
            before = Arrays.copyOf(before, size * 2);
        }
        tokens[size] = doc;
        before[size++] = nextTokenIndex;
    }

    /** The first of the doc tokens right before the token at {@code tokenIndex}, or -1 when there are none. */
    int first(int tokenIndex) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (before[middle] < tokenIndex) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low < size && before[low] == tokenIndex ? low : -1;
    }

    /** Whether doc token {@code i} exists and stands right before the token at {@code tokenIndex}. */
    boolean isBefore(int i, int tokenIndex) {
        return i < size && before[i] == tokenIndex;
    }

    Token token(int i) {
        return tokens[i];
    }
}
