package org.uapispec.grammar.check;

import java.util.HashMap;
import java.util.Map;
import org.uapispec.grammar.ast.ConstantDecl;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.SymbolSpace;
import org.uapispec.grammar.source.SourcePos;

/**
 * The spec's named constants ({@code N = 128}), computed in declaration order: each from integers,
 * {@code PAGE}, earlier constants and the integer operators, with the operators' one definition
 * ({@link Operator}). A constant may not take a name a constant already has (another of the spec's,
 * {@code PAGE}, or a symbol of a parameter's space such as {@code rw}), so that no use of a name
 * is ambiguous; bindings may not take a constant's name either ({@code StatementChecker}).
 */
final class ConstantChecker {
    private final Diagnostics diagnostics;
    private final Map<String, Long> constants;

    ConstantChecker(Diagnostics diagnostics, Map<String, Long> constants) {
        this.diagnostics = diagnostics;
        this.constants = constants;
    }

    void check(Spec spec) {
        Map<String, SourcePos> declared = new HashMap<>();
        for (SpecMember member : spec.members()) {
            if (!(member instanceof ConstantDecl constant)) {
                continue;
            }
            String name = constant.name().text();
            SourcePos first = declared.putIfAbsent(name, constant.name().pos());
            if (first != null) {
                diagnostics.error(constant.name().pos(), "duplicate constant '" + name + "', first defined at "
                        + first.lineAndColumn());
                continue;
            }
            if (SymbolSpace.GLOBALS.containsKey(name) || SymbolSpace.anyDefines(name)) {
                diagnostics.error(constant.name().pos(), "'" + name + "' is already a constant of the language;"
                        + " a constant of the spec needs a name of its own");
                continue;
            }
            Long value = value(constant.value(), "constant '" + name + "'", "earlier constants", name);
            if (value != null) {
                constants.put(name, value);
            }
        }
    }

    /**
     * The value of a bound of a range loop ({@code for i in 0 .. N}), which is known before the run
     * as a constant is: numbers and the spec's constants; or null after reporting why there is none.
     */
    Long rangeBound(Expr bound) {
        return value(bound, "a range's bound", "constants", null);
    }

    /**
     * The value, or null after reporting why there is none.
     *
     * @param who      what the messages call the expression
     * @param names    which names it may use
     * @param constant the constant being declared; null for a range's bound
     */
    private Long value(Expr expr, String who, String names, String constant) {
        if (expr instanceof Expr.IntLit literal) {
            return literal.value();
        }
        if (expr instanceof Expr.NameRef ref) {
            Long earlier = constants.containsKey(ref.name()) ? constants.get(ref.name())
                    : SymbolSpace.GLOBALS.get(ref.name());
            if (earlier == null) {
                diagnostics.error(ref.pos(), who + " may use numbers and " + names + " only, and '" + ref.name()
                        + "' is neither");
            }
            return earlier;
        }
        if (expr instanceof Expr.Unary unary && Operators.of(unary.op()).kind() == Operator.Kind.UNARY_INT) {
            Long operand = value(unary.operand(), who, names, constant);
            return operand == null ? null : Operators.of(unary.op()).apply(operand);
        }
        if (expr instanceof Expr.Binary binary && Operators.of(binary.op()).kind() == Operator.Kind.ARITHMETIC) {
            Long left = value(binary.left(), who, names, constant);
            Long right = value(binary.right(), who, names, constant);
            if (left == null || right == null) {
                return null;
            }
            try {
                return Operators.of(binary.op()).apply(left, right);
            } catch (Operator.DivisionByZero e) {
                diagnostics.error(binary.pos(), e.getMessage() + " in " + who);
                return null;
            }
        }
        if (expr instanceof Expr.CallExpr call) {
            diagnostics.error(expr.pos(), constant != null
                    ? "a step outside a scenario and the setup: at the spec's level, '" + constant + " = "
                            + call.call().callee().text() + "(...)' declares a constant, and a call is none"
                    : who + " must be known before the run, and a call's result is not");
            return null;
        }
        if (expr instanceof Expr.Field field && field.target() instanceof Expr.NameRef ref) {
            diagnostics.error(expr.pos(), who + " must be known before the run, and '" + ref.name() + "."
                    + field.field().text() + "' is known only once a step has run");
            return null;
        }
        diagnostics.error(expr.pos(), who + " must be an integer computed from numbers and " + names);
        return null;
    }
}
