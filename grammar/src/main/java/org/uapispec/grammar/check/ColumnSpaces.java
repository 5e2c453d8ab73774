package org.uapispec.grammar.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.Param;
import org.uapispec.grammar.model.SymbolSpace;

/**
 * Where the symbolic constants of a loop column are looked up: in the space of the parameters its
 * variable is passed to. In {@code for flags in [CLOEXEC, RDWR] { prime_export(f, h, flags: flags) }}
 * the rows mean the PRIME flags, as they would written in the argument itself. A column passed to
 * parameters of two different spaces has none, and a symbol in its rows is an error that names them.
 */
final class ColumnSpaces {
    private ColumnSpaces() {
    }

    /** The spaces of the parameters {@code variable} flows into in {@code body}, in declaration order. */
    static Set<SymbolSpace> of(Name variable, List<Statement> body) {
        Set<SymbolSpace> spaces = EnumSet.noneOf(SymbolSpace.class);
        collect(variable.text(), body, spaces);
        return spaces;
    }

    /** The space the rows of a column with these spaces are read in: the only one, or NONE. */
    static SymbolSpace single(Set<SymbolSpace> spaces) {
        return spaces.size() == 1 ? spaces.iterator().next() : SymbolSpace.NONE;
    }

    private static void collect(String variable, List<Statement> body, Set<SymbolSpace> spaces) {
        for (Statement statement : body) {
            if (statement instanceof CallStatement step) {
                call(variable, step.call(), spaces);
            } else if (statement instanceof ForLoop loop
                    && loop.variables().stream().noneMatch(v -> v.text().equals(variable))) {
                collect(variable, loop.body(), spaces);
            }
        }
    }

    private static void call(String variable, Call call, Set<SymbolSpace> spaces) {
        Operation operation = Operation.byName(call.callee().text()).orElse(null);
        if (operation == null) {
            return;
        }
        List<Call.Arg> args = call.args();
        for (int i = 0; i < args.size(); i++) {
            Call.Arg arg = args.get(i);
            int index = arg.name() == null ? i : CallChecker.indexOf(operation, arg.name().text());
            if (index < 0 || index >= operation.params().size() || !Names.referenced(arg.value()).contains(variable)) {
                continue;
            }
            Param param = operation.params().get(index);
            if (param.symbols() != SymbolSpace.NONE) {
                spaces.add(param.symbols());
            }
        }
    }
}
