package org.uapispec.grammar.lower;

import java.util.List;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.Value;

/** Every name the spec binds, as references with the type of the first binding: what invariants see. */
final class BindingTypes {
    private BindingTypes() {
    }

    static LoweringScope of(Spec spec) {
        LoweringScope env = new LoweringScope(null);
        for (SpecMember member : spec.members()) {
            if (member instanceof Setup setup) {
                collect(setup.statements(), env);
            } else if (member instanceof ScenarioDecl scenario) {
                collect(scenario.statements(), env);
            }
        }
        return env;
    }

    private static void collect(List<Statement> statements, LoweringScope env) {
        for (Statement statement : statements) {
            if (statement instanceof CallStatement step && step.binding() != null && env.lookup(step.binding().text()) == null) {
                String name = step.binding().text();
                Operation.byName(step.call().callee().text()).filter(op -> op.result().isPresent()).ifPresent(op ->
                        env.bind(name, new LoweringScope.Entry(new Value.Ref(name, op.result().get()), null, op, null)));
            } else if (statement instanceof ForLoop loop) {
                collect(loop.body(), env);
            }
        }
    }
}
