package org.uapispec.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.check.CheckResult;
import org.uapispec.grammar.check.Checker;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.InternalFailure;
import org.uapispec.grammar.lower.Lowerer;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.parse.ParseResult;
import org.uapispec.grammar.parse.SpecParser;
import org.uapispec.grammar.source.SourceFile;

/**
 * Compiles one spec file: parse, check, lower. Stops after the first stage that reports an error
 * (with every error of that stage); warnings travel with the model. Never throws on any input: each
 * stage turns a failure of its own into an error at the statement, scenario or spec it was working
 * on ({@link InternalFailure}), and this class keeps a last net for whatever lies between them.
 */
public final class SpecCompiler {

    public CompileResult compile(SourceFile source) {
        Objects.requireNonNull(source, "source");
        try {
            return stages(source);
        } catch (RuntimeException | StackOverflowError e) {
            Diagnostics diagnostics = new Diagnostics();
            InternalFailure.report(diagnostics, source.at(1, 1), "compiling this file", e);
            return new CompileResult.Failure(diagnostics.toList());
        }
    }

    private static CompileResult stages(SourceFile source) {
        ParseResult parsed = SpecParser.parse(source);
        if (parsed.spec().isEmpty()) {
            return new CompileResult.Failure(parsed.diagnostics());
        }
        Spec spec = parsed.spec().get();
        List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        CheckResult checked = new Checker().check(spec);
        diagnostics.addAll(checked.diagnostics());
        if (checked.hasErrors()) {
            return new CompileResult.Failure(diagnostics);
        }
        Lowerer.Lowered lowered = new Lowerer().lower(spec, checked);
        diagnostics.addAll(lowered.diagnostics());
        if (lowered.model().isEmpty()) {
            return new CompileResult.Failure(diagnostics);
        }
        return new CompileResult.Success(lowered.model().get(), diagnostics);
    }

    /** Shorthand for compiling text that has a file name. */
    public CompileResult compile(String fileName, String text) {
        return compile(new SourceFile(fileName, text));
    }

    /** Helper for callers that only want the model or nothing. */
    public static SpecModel modelOrThrow(CompileResult result) {
        if (result instanceof CompileResult.Success success) {
            return success.model();
        }
        throw new IllegalStateException("spec did not compile: " + result.diagnostics());
    }
}
