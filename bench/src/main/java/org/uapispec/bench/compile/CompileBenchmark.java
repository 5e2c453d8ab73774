package org.uapispec.bench.compile;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.uapispec.bench.corpus.SpecCorpus;
import org.uapispec.bench.corpus.SpecCorpus.SpecText;
import org.uapispec.grammar.CompileResult;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.parse.SpecParser;
import org.uapispec.grammar.parse.UapiLexer;
import org.uapispec.grammar.parse.UapiParser;
import org.uapispec.grammar.source.SourceFile;

/**
 * One operation is the whole generated corpus (about 100,000 lines): through the full compiler
 * (parse, check, lower), through the compiler's parse stage alone (lexing with the nesting guard,
 * SLL parse, syntax tree), and through ANTLR's bare SLL parse (lexer, token stream, parser, parse
 * tree, nothing else), the baseline the issue compares against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {
    /** Lines in the corpus; BenchMain divides by the time per operation. */
    public static final int MIN_LINES = 100_000;
    public static final long SEED = 10;

    private List<SpecText> corpus;
    private List<SourceFile> sources;

    @Setup
    public void generate() {
        corpus = SpecCorpus.generate(MIN_LINES, SEED);
        sources = corpus.stream().map(f -> new SourceFile(f.name(), f.text())).toList();
        SpecCompiler compiler = new SpecCompiler();
        for (SourceFile source : sources) {
            CompileResult result = compiler.compile(source);
            if (!(result instanceof CompileResult.Success)) {
                throw new IllegalStateException(source.name() + " does not compile: " + result.diagnostics());
            }
        }
    }

    @Benchmark
    public void fullCompile(Blackhole bh) {
        SpecCompiler compiler = new SpecCompiler();
        for (SourceFile source : sources) {
            bh.consume(compiler.compile(source));
        }
    }

    @Benchmark
    public void parseStage(Blackhole bh) {
        for (SourceFile source : sources) {
            bh.consume(SpecParser.parse(source));
        }
    }

    @Benchmark
    public void bareSllParse(Blackhole bh) {
        for (SpecText file : corpus) {
            UapiLexer lexer = new UapiLexer(CharStreams.fromString(file.text(), file.name()));
            UapiParser parser = new UapiParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            bh.consume(parser.file());
        }
    }
}
