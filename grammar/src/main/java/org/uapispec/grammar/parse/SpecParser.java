package org.uapispec.grammar.parse;

import java.util.Objects;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.InternalFailure;
import org.uapispec.grammar.source.LineMap;
import org.uapispec.grammar.source.SourceFile;

/**
 * The only door to the generated parser: text in, syntax tree and diagnostics out. Parses with SLL
 * prediction first (fast, enough for nearly every input) and only when that fails again with full
 * LL prediction and error recovery, which reports every syntax error of the file. Never throws on
 * any input.
 */
public final class SpecParser {

    private SpecParser() {
    }

    /**
     * A NUL byte, or bytes that were not UTF-8 (decoded as U+FFFD), mean the file is not spec text:
     * one diagnostic at the first of them, rather than one per line of noise.
     */
    private static boolean binaryAt(SourceFile source, LineMap lines, Diagnostics diagnostics) {
        String text = source.text();
        int nul = text.indexOf('\0');
        int replaced = text.indexOf('\uFFFD');
        if (nul < 0 && replaced < 0) {
            return false;
        }
        int first = nul < 0 ? replaced : replaced < 0 ? nul : Math.min(nul, replaced);
        diagnostics.error(lines.atCharIndex(text, first), "not a spec file: binary content (a "
                + (first == nul ? "NUL byte" : "byte that is not UTF-8") + ")");
        return true;
    }

    public static ParseResult parse(SourceFile source) {
        Objects.requireNonNull(source, "source");
        Diagnostics diagnostics = new Diagnostics();
        try {
            return parse(source, diagnostics);
        } catch (StackOverflowError e) {
            // Backstop only: TokenScanner and the tree builders limit nesting explicitly.
            diagnostics.error(source.at(1, 1), "input nested too deeply to parse");
            return new ParseResult(null, diagnostics.toList(), true);
        } catch (RuntimeException e) {
            // No tree to point into yet: the file's start stands for the whole of it.
            InternalFailure.report(diagnostics, source.at(1, 1), "parsing this file", e);
            return new ParseResult(null, diagnostics.toList(), true);
        }
    }

    private static ParseResult parse(SourceFile source, Diagnostics diagnostics) {
        LineMap lines = LineMap.of(source);
        if (binaryAt(source, lines, diagnostics)) {
            return new ParseResult(null, diagnostics.toList(), false);
        }
        TokenScanner scanner = new TokenScanner(source, lines, diagnostics);
        BufferedTokenStream stream = scanner.scan();
        if (stream == null) {
            return new ParseResult(null, diagnostics.toList(), false);
        }
        UapiParser parser = new UapiParser(stream);
        // The builders read the rules' labels (TreeContext): linking every context and token into a
        // tree as well was a sixth of the parse.
        parser.setBuildParseTree(false);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        UapiParser.FileContext tree;
        boolean fullContext = false;
        try {
            tree = parser.file();
        } catch (ParseCancellationException e) {
            fullContext = true;
            parser.reset();
            parser.addErrorListener(new SyntaxErrorCollector(lines, diagnostics, scanner));
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.file();
        }
        if (diagnostics.hasErrors()) {
            return new ParseResult(null, diagnostics.toList(), fullContext);
        }
        Spec spec = new SpecBuilder(new TreeContext(source, lines, stream, scanner.docs(), diagnostics)).build(tree);
        return new ParseResult(diagnostics.hasErrors() ? null : spec, diagnostics.toList(), fullContext);
    }
}
