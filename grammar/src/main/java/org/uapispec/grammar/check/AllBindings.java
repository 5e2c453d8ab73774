package org.uapispec.grammar.check;

import java.util.List;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.ValueType;

/** Every name bound by a step anywhere in the spec, with the type of its first binding: the scope of invariants. */
final class AllBindings {
    private AllBindings() {
    }

    static Scope of(Spec spec) {
        Scope scope = new Scope(null);
        for (SpecMember member : spec.members()) {
            if (member instanceof Setup setup) {
                collect(setup.statements(), scope);
            } else if (member instanceof ScenarioDecl scenario) {
                collect(scenario.statements(), scope);
            }
        }
        return scope;
    }

    private static void collect(List<Statement> statements, Scope scope) {
        for (Statement statement : statements) {
            if (statement instanceof CallStatement step && step.binding() != null && step.index() == null
                    && scope.lookup(step.binding().text()) == null) {
                Operation operation = Operation.byName(step.call().callee().text()).orElse(null);
                ValueType type = operation == null ? null : operation.result().orElse(null);
                if (type != null) {
                    scope.bind(Binding.bound(step.binding(), type, operation, null, null));
                }
            } else if (statement instanceof ForLoop loop) {
                collect(loop.body(), scope);
            }
        }
    }
}
