package org.uapispec.grammar.parse;

import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.source.LineMap;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

/**
 * What the tree builders share: the line map for positions, the tokens and doc comments, and
 * diagnostics.
 *
 * <p>The parser builds no parse tree (SpecParser): the builders read each rule's context through
 * the labels of UapiParser.g4 and its start and stop tokens, and the tokens between those from the
 * token stream. The generated accessors ({@code ctx.NAME()}, {@code ctx.expr(i)}) read children
 * that are not there.
 *
 * <p>The syntax tree's lists are immutable, and its records copy any other list they are given. The
 * builders therefore collect a list's elements on one stack shared by all lists being built (an
 * element is built, with any lists inside it, before it is pushed, so inner lists are taken off
 * before the outer list's next element goes on) and {@link #listFrom(int)} makes the immutable list
 * with {@code List.of}, whose fixed-arity forms keep the array they are called with: no
 * {@code ArrayList} grows and nothing is copied for lists of up to ten elements.
 */
final class TreeContext {
    private final String text;
    /**
     * Whether the tokens' start and stop indexes, which count code points, are also indexes of the
     * chars of {@link #text}: when it has no surrogate pairs, as the input stream's size tells.
     */
    private final boolean charIndexed;
    private final LineMap lines;
    private final BufferedTokenStream tokens;
    private final DocComments docs;
    final Diagnostics diagnostics;
    private Token lastToken;
    private SourcePos lastPos;
    /** Elements of the lists being built, each list's above the list it is nested in. */
    private Object[] stack = new Object[64];
    private int top;

    TreeContext(SourceFile source, LineMap lines, BufferedTokenStream tokens, DocComments docs, Diagnostics diagnostics) {
        this.text = source.text();
        this.charIndexed = tokens.getTokenSource().getInputStream().size() == text.length();
        this.lines = lines;
        this.tokens = tokens;
        this.docs = docs;
        this.diagnostics = diagnostics;
    }

    /** The token at an index of the token stream. */
    Token token(int index) {
        return tokens.get(index);
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
        return new Name(pos(token), text(token));
    }

    /**
     * A token's text, as {@link Token#getText()} gives it; a substring of the file's text when that is
     * {@link #charIndexed}, which is cheaper than the input stream's decoding.
     */
    String text(Token token) {
        return charIndexed ? text.substring(token.getStartIndex(), token.getStopIndex() + 1) : token.getText();
    }

    /** A token's text without its first and last char, such as a string's quotes. */
    String textInside(Token token) {
        if (charIndexed) {
            return text.substring(token.getStartIndex() + 1, token.getStopIndex());
        }
        String all = token.getText();
        return all.substring(1, all.length() - 1);
    }

    /**
     * The text of a rule's tokens joined, as {@link ParserRuleContext#getText()} gives it for a parse
     * tree: the text from its first to its last token when nothing stands between its tokens.
     */
    String text(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (start == stop) {
            return text(start);
        }
        if (charIndexed && adjacent(start, stop)) {
            return text.substring(start.getStartIndex(), stop.getStopIndex() + 1);
        }
        StringBuilder joined = new StringBuilder();
        for (int i = start.getTokenIndex(); i <= stop.getTokenIndex(); i++) {
            Token token = tokens.get(i);
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                joined.append(text(token));
            }
        }
        return joined.toString();
    }

    /** Whether nothing, not even a comment, stands between the tokens from start to stop. */
    private boolean adjacent(Token start, Token stop) {
        for (int i = start.getTokenIndex() + 1; i <= stop.getTokenIndex(); i++) {
            if (tokens.get(i).getStartIndex() != tokens.get(i - 1).getStopIndex() + 1) {
                return false;
            }
        }
        return true;
    }

    /** The {@code ///} lines right before the construct, without the slashes and one leading space. */
    List<String> doc(ParserRuleContext ctx) {
        int index = ctx.getStart().getTokenIndex();
        int first = docs.first(index);
        if (first < 0) {
            return List.of();
        }
        int mark = mark();
        for (int i = first; docs.isBefore(i, index); i++) {
            push(docLine(text(docs.token(i))));
        }
        return listFrom(mark);
    }

    /**
     * {@code text.substring(3)}, without one leading space, {@linkplain String#stripTrailing()
     * stripped} at the end, in one copy. No white space is a surrogate, so testing the chars from the
     * end tests the same code points {@code stripTrailing} tests.
     */
    private static String docLine(String text) {
        int begin = text.length() > 3 && text.charAt(3) == ' ' ? 4 : 3;
        int end = text.length();
        while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(begin, end);
    }

    /** Where the list about to be built starts on the stack; give it to {@link #listFrom(int)}. */
    int mark() {
        return top;
    }

    /** The next element of the list being built. */
    void push(Object element) {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = element;
    }

    /** Drops the elements pushed since {@code mark}, of lists left unfinished. */
    void release(int mark) {
        top = mark;
    }

    /** The elements pushed since {@code mark}, as an immutable list, taken off the stack. */
    @SuppressWarnings("unchecked")
    <T> List<T> listFrom(int mark) {
        Object[] s = stack;
        int m = mark;
        int size = top - mark;
        top = mark;
        List<Object> list = switch (size) {
            case 0 -> List.of();
            case 1 -> List.of(s[m]);
            case 2 -> List.of(s[m], s[m + 1]);
            case 3 -> List.of(s[m], s[m + 1], s[m + 2]);
            case 4 -> List.of(s[m], s[m + 1], s[m + 2], s[m + 3]);
            case 5 -> List.of(s[m], s[m + 1], s[m + 2], s[m + 3], s[m + 4]);
            case 6 -> List.of(s[m], s[m + 1], s[m + 2], s[m + 3], s[m + 4], s[m + 5]);
            case 7 -> List.of(s[m], s[m + 1], s[m + 2], s[m + 3], s[m + 4], s[m + 5], s[m + 6]);
            case 8 -> List.of(s[m], s[m + 1], s[m + 2], s[m + 3], s[m + 4], s[m + 5], s[m + 6], s[m + 7]);
            case 9 -> List.of(s[m], s[m + 1], s[m + 2], s[m + 3], s[m + 4], s[m + 5], s[m + 6], s[m + 7], s[m + 8]);
            case 10 -> List.of(s[m], s[m + 1], s[m + 2], s[m + 3], s[m + 4], s[m + 5], s[m + 6], s[m + 7], s[m + 8],
                    s[m + 9]);
            default -> List.of(Arrays.copyOfRange(s, m, m + size));
        };
        return (List<T>) list;
    }
}
