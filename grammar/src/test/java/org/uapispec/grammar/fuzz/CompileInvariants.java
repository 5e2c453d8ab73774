package org.uapispec.grammar.fuzz;

import org.uapispec.grammar.CompileResult;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.source.SourceFile;

/**
 * What must hold for any input: compile returns (never throws), a failure has an error, every
 * diagnostic lies inside the file (a line of it, or the one just past its end for the end of file;
 * a column of that line's code points, or the one just after them) and renders, and no diagnostic
 * is an internal compiler error, which the safety net would otherwise hide from the fuzzer.
 */
final class CompileInvariants {
    private CompileInvariants() {
    }

    static void hold(SourceFile source) {
        CompileResult result = new SpecCompiler().compile(source);
        if (result instanceof CompileResult.Failure && result.diagnostics().stream().noneMatch(Diagnostic::isError)) {
            throw new AssertionError("a failure without an error");
        }
        int lines = source.lines().size();
        for (Diagnostic d : result.diagnostics()) {
            int line = d.pos().line();
            int width = line <= lines ? source.line(line).codePointCount(0, source.line(line).length()) : 0;
            if (line > lines + 1 || d.pos().column() > width + 1) {
                throw new AssertionError("outside the file (" + lines + " lines, line " + line + " has " + width
                        + " code points): " + d);
            }
            if (d.message().startsWith("internal compiler error")) {
                throw new AssertionError(d.toString());
            }
            if (!d.render(source).contains(d.message())) {
                throw new AssertionError("does not render: " + d);
            }
        }
    }
}
