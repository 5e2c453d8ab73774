package org.uapispec.bench.compile;

import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.uapispec.grammar.CompileResult;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.parse.UapiLexer;
import org.uapispec.grammar.parse.UapiParser;
import org.uapispec.grammar.source.SourceFile;

/**
 * Compile time of files of nested loops as the files grow (issue 14): it should grow with the file,
 * not with the product of the loops' rows. Two shapes, each with {@code rows} rows in all:
 * <ul>
 *   <li>{@code overCap}: one scenario, three nested loops of {@code rows} rows each around one step,
 *       {@code rows}^3 steps (10^6 to 10^15), always over the 100,000-step cap, so the compiler must
 *       count the loops and refuse them without building a step;</li>
 *   <li>{@code withinCap}: {@code rows / 100} scenarios, each two nested loops of 10 rows around one
 *       step (100 steps), all built: steps grow with the file.</li>
 * </ul>
 * The file sizes are printed at setup; the README divides the time by them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The heap touched up front, as for the scaling part: on this VM a first touch of fresh memory is
// slow enough to swamp the larger files' figures.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class LoopExpansionBenchmark {
    @Param({"overCap", "withinCap"})
    public String shape;

    @Param({"100", "1000", "10000", "100000"})
    public int rows;

    private SourceFile source;

    @Setup
    public void generate() {
        String text = shape.equals("overCap") ? overCap(rows) : withinCap(rows / 100);
        source = new SourceFile(shape + "-" + rows + ".uapi", text);
        CompileResult result = new SpecCompiler().compile(source);
        boolean expected = shape.equals("overCap") == result.spec().isEmpty();
        if (!expected) {
            throw new IllegalStateException(source.name() + " compiled unexpectedly: " + result.diagnostics());
        }
        System.out.println("\n" + source.name() + ": " + text.length() + " bytes, " + result.diagnostics().size()
                + " diagnostic(s)");
    }

    @Benchmark
    public CompileResult compile() {
        return new SpecCompiler().compile(source);
    }

    /** ANTLR's bare SLL parse of the same file: the baseline, to tell the compiler's growth from ANTLR's. */
    @Benchmark
    public Object bareSllParse() {
        UapiLexer lexer = new UapiLexer(CharStreams.fromString(source.text(), source.name()));
        UapiParser parser = new UapiParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        return parser.file();
    }

    private static String overCap(int rows) {
        String list = list(rows);
        return "spec \"loops\" {\n  scenario \"over the cap\" {\n"
                + "    for a in " + list + " {\n      for b in " + list + " {\n        for c in " + list + " {\n"
                + "          spawn(uid: a + b + c)\n        }\n      }\n    }\n  }\n}\n";
    }

    private static String withinCap(int scenarios) {
        StringBuilder out = new StringBuilder("spec \"loops\" {\n");
        String list = list(10);
        for (int i = 0; i < scenarios; i++) {
            out.append("  scenario \"s").append(i).append("\" {\n    for a in ").append(list).append(" {\n")
                    .append("      for b in ").append(list).append(" {\n        spawn(uid: a * 10 + b)\n")
                    .append("      }\n    }\n  }\n");
        }
        return out.append("}\n").toString();
    }

    private static String list(int rows) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < rows; i++) {
            out.add(Integer.toString(i % 1000));
        }
        return out.toString();
    }
}
