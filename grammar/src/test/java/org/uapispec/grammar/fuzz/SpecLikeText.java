package org.uapispec.grammar.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.List;
import org.uapispec.api.Errno;
import org.uapispec.grammar.model.Observation;
import org.uapispec.grammar.model.Operation;
import org.uapispec.api.ProfileName;
import org.uapispec.grammar.model.SymbolSpace;

/**
 * Spec-like text from fuzzer bytes: tokens of the language (keywords, punctuation, the call table's
 * calls, errnos, profiles, kernel eras, constants), edge-value integers, strings and hex strings
 * with escapes and emoji, names, comments, and every line ending, and statements built from the
 * call table (steps with arguments and outcomes, era keys among them, checks, profiles lists with
 * era keys, nested loops over expressions of every operator), often inside a spec and scenario that
 * bind the usual resources, so that inputs get past the parser into the checker and lowering.
 */
final class SpecLikeText {
    private static final List<String> TOKENS = tokens();
    private static final String[] ENDINGS = {"\n", "\r\n", "\r"};
    private static final long[] EDGES = {0, 1, 63, 64, 65, 4095, 4096, 1L << 32, -1, Long.MIN_VALUE, Long.MAX_VALUE,
        0x4000000080000000L, 0x4000000000000001L, 1 << 24};
    private static final String PRELUDE = "spec \"fuzz\" {\n  scenario \"s\" {\n    p = spawn()\n    f = open(p)\n"
            + "    a = mmap(p, len: PAGE, prot: rw, flags: private | anonymous)\n    h = gem_create(f, size: PAGE)\n";

    private SpecLikeText() {
    }

    static String of(FuzzedDataProvider data) {
        String ending = ENDINGS[data.consumeInt(0, ENDINGS.length - 1)];
        boolean framed = data.consumeBoolean();
        StringBuilder out = new StringBuilder(framed ? PRELUDE : "");
        int pieces = data.consumeInt(0, 200);
        for (int i = 0; i < pieces && data.remainingBytes() > 0; i++) {
            String piece = data.consumeBoolean() ? statement(data, 0) : piece(data, ending);
            out.append(piece).append(data.consumeBoolean() ? " " : "\n");
        }
        if (framed) {
            out.append("\n  }\n}\n");
        }
        return out.toString().replace("\n", ending);
    }

    private static String piece(FuzzedDataProvider data, String ending) {
        switch (data.consumeInt(0, 9)) {
            case 0:
                return Long.toString(data.pickValue(EDGES));
            case 1:
                return "0x" + Long.toHexString(data.pickValue(EDGES));
            case 2:
                return "\"" + data.consumeString(8) + (data.consumeBoolean() ? "\uD83D\uDE00" : "") + "\"";
            case 3:
                return "x\"" + data.consumeAsciiString(6) + "\"";
            case 4:
                return ending;
            case 5:
                return data.pickValue(new String[] {"# c", "// c", "/// doc", "\t", "\uD83D\uDE00", "\0", "\uFFFD",
                    "\u00e9", "\u0301", "\uFF10"});
            case 6:
                return data.pickValue(new String[] {"p", "f", "a", "h", "x", "_y", "v"});
            default:
                return data.pickValue(TOKENS);
        }
    }

    private static final String[] NAMES = {"p", "f", "a", "h", "v"};
    /** Kernel eras of profile keys, known and unknown, and none. */
    private static final String[] ERAS = {"", "@5.10", "@6.1", "@6.1+", "@6.12", "@7.2+", "@6.2", "@6"};
    private static final String[] OPERATORS = {"*", "+", "-", "<<", ">>", "&", "|", "==", "!=", "<", "<=", ">",
        ">=", "&&", "||"};

    private static String statement(FuzzedDataProvider data, int depth) {
        switch (data.consumeInt(0, depth < 3 ? 3 : 2)) {
            case 0:
                return (data.consumeBoolean() ? "check " : "require ") + expr(data, 0);
            case 1:
                return (data.consumeBoolean() ? "" : data.consumeBoolean() ? "require " : "retry ") + step(data);
            case 2:
                return depth == 0 ? profiles(data) : step(data);
            default:
                StringBuilder loop = new StringBuilder("for v in ");
                if (data.consumeBoolean()) {
                    loop.append(expr(data, 1)).append(" .. ").append(expr(data, 1));
                } else {
                    loop.append('[');
                    for (int i = data.consumeInt(0, 4); i > 0; i--) {
                        loop.append(expr(data, 1)).append(i > 1 ? ", " : "");
                    }
                    loop.append(']');
                }
                loop.append(" {\n");
                for (int i = data.consumeInt(0, 3); i > 0; i--) {
                    loop.append(statement(data, depth + 1)).append("\n");
                }
                return loop.append("}").toString();
        }
    }

    /** {@code profiles [generic@6.1+, i915]}: a scenario's, where it stands among the statements. */
    private static String profiles(FuzzedDataProvider data) {
        StringBuilder list = new StringBuilder("profiles [");
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
            list.append(data.pickValue(ProfileName.texts())).append(data.pickValue(ERAS)).append(i > 1 ? ", " : "");
        }
        return list.append("]").toString();
    }

    private static String step(FuzzedDataProvider data) {
        Operation operation = data.pickValue(Operation.values());
        StringBuilder step = new StringBuilder();
        if (data.consumeBoolean()) {
            step.append(data.pickValue(NAMES)).append(data.consumeBoolean() ? "" : "[" + expr(data, 1) + "]").append(" = ");
        }
        step.append(operation.languageName()).append("(");
        for (int i = 0; i < operation.params().size() && data.consumeInt(0, 4) > 0; i++) {
            String param = operation.params().get(i).name();
            step.append(i > 0 ? ", " : "").append(data.consumeBoolean() ? param + ": " : "").append(expr(data, 0));
        }
        step.append(")");
        switch (data.consumeInt(0, 3)) {
            case 0:
                return step.append(" -> ").append(data.pickValue(Errno.values()).name()).toString();
            case 1:
                return step.append(" -> { ").append(data.pickValue(ProfileName.texts())).append(": ok  default: ")
                        .append(data.pickValue(Errno.values()).name()).append(" }").toString();
            case 2:
                return step.append(" -> { ").append(data.pickValue(ProfileName.texts())).append(data.pickValue(ERAS))
                        .append(": ok  ").append(data.pickValue(ProfileName.texts())).append(data.pickValue(ERAS))
                        .append(": ").append(data.pickValue(Errno.values()).name())
                        .append(data.consumeBoolean() ? "  default: ok }" : " }").toString();
            default:
                return step.toString();
        }
    }

    private static String expr(FuzzedDataProvider data, int depth) {
        switch (data.consumeInt(0, depth < 4 ? 6 : 2)) {
            case 0:
                return (data.consumeBoolean() ? "0x" + Long.toHexString(data.pickValue(EDGES))
                        : Long.toUnsignedString(data.pickValue(EDGES)));
            case 1:
                return data.pickValue(NAMES) + (data.consumeInt(0, 3) == 0 ? "[" + expr(data, depth + 1) + "]" : "");
            case 2:
                return data.pickValue(new String[] {"\"ab\"", "x\"00ff\"", "PAGE", "h.size", "true", "rw",
                    "private | anonymous", "\"\uD83D\uDE00\""});
            case 3:
                return data.pickValue(new String[] {"-", "~", "!"}) + expr(data, depth + 1);
            case 4:
                return "read(p, " + expr(data, depth + 1) + ", 4)";
            case 5:
                return data.pickValue(new String[] {"valid(f, h)", "live_objects(f)", "mapped(p, a)"});
            default:
                return "(" + expr(data, depth + 1) + " " + data.pickValue(OPERATORS) + " " + expr(data, depth + 1) + ")";
        }
    }

    private static List<String> tokens() {
        List<String> tokens = new ArrayList<>(List.of("spec", "scenario", "setup", "invariant", "check", "require", "retry", "..", "for",
                "in",
                "tags", "profiles", "catalogue", "description", "default", "ok", "true", "false", "->", "(", ")",
                "[", "]", "{", "}", ",", ":", ".", "==", "!=", "<=", ">=", "<<", ">>", "<", ">", "&&", "||", "=",
                "+", "-", "*", "|", "&", "~", "!", "by", "size", "SIGSEGV", "SIGBUS", "@5.10", "@6.1+", "@6.2", "@",
                "@6"));
        tokens.addAll(Operation.names());
        for (Observation observation : Observation.values()) {
            tokens.add(observation.languageName());
        }
        for (Errno errno : Errno.values()) {
            tokens.add(errno.name());
        }
        tokens.addAll(ProfileName.texts());
        for (SymbolSpace space : SymbolSpace.values()) {
            tokens.addAll(space.symbols().keySet().stream().sorted().toList());
        }
        tokens.addAll(SymbolSpace.GLOBALS.keySet());
        return List.copyOf(tokens);
    }
}
