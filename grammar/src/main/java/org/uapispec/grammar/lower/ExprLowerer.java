package org.uapispec.grammar.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.SpecPrinter;
import org.uapispec.grammar.check.TypeRules;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.Observation;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.SymbolSpace;
import org.uapispec.grammar.model.Value;
import org.uapispec.grammar.model.ValueType;

/**
 * Lowers a checked expression to a model value: constants become numbers, loop variables their
 * row's value, bindings references. Calls inside checks are handed to {@code hoist}, which turns
 * them into steps and returns a reference to their result. A constant repeat or join of bytes beyond
 * the limit is an error at its operator.
 */
final class ExprLowerer {
    private final Diagnostics diagnostics;

    ExprLowerer(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Value lower(Expr expr, LoweringScope env, SymbolSpace symbols, Function<Expr.CallExpr, Value> hoist) {
        if (expr instanceof Expr.IntLit i) {
            return Value.Int.of(i.value(), i.text());
        } else if (expr instanceof Expr.StringLit s) {
            return new Value.ByteString(Bytes.ofUtf8(s.value()));
        } else if (expr instanceof Expr.HexLit h) {
            return new Value.ByteString(Bytes.ofHex(h.digits()));
        } else if (expr instanceof Expr.BoolLit b) {
            return new Value.Bool(b.value());
        } else if (expr instanceof Expr.NameRef ref) {
            LoweringScope.Entry entry = env.lookup(ref.name());
            if (entry != null) {
                return entry.value();
            }
            long value = symbols.lookup(ref.name())
                    .orElseThrow(() -> new IllegalStateException("checked name not found: " + ref.name()));
            return Value.Int.of(value, ref.name());
        } else if (expr instanceof Expr.Field f) {
            String binding = ((Expr.NameRef) f.target()).name();
            LoweringScope.Entry entry = env.lookup(binding);
            String target = entry.value() instanceof Value.Ref r ? r.name() : binding;
            return new Value.Field(target, f.field().text(), entry.producer().fields().get(f.field().text()));
        } else if (expr instanceof Expr.Unary u) {
            Value operand = lower(u.operand(), env, symbols, hoist);
            Operator op = Operator.valueOf(u.op().name());
            return ConstantFolder.unary(op, operand, () -> SpecPrinter.print(expr))
                    .orElseGet(() -> new Value.Unary(op, operand, TypeRules.unary(op, operand.type()).orElseThrow()));
        } else if (expr instanceof Expr.Binary b) {
            Value left = lower(b.left(), env, symbols, hoist);
            Value right = lower(b.right(), env, symbols, hoist);
            Operator op = Operator.valueOf(b.op().name());
            ValueType type = TypeRules.binary(op, left.type(), right.type()).orElseThrow();
            try {
                return ConstantFolder.binary(op, left, right, type, () -> SpecPrinter.print(expr))
                        .orElseGet(() -> new Value.Binary(op, left, right, type));
            } catch (Bytes.TooLong e) {
                diagnostics.error(b.pos(), e.getMessage());
                return new Value.Binary(op, left, right, type);
            }
        } else if (expr instanceof Expr.ListLit l) {
            List<Value> items = new ArrayList<>();
            l.items().forEach(i -> items.add(lower(i, env, SymbolSpace.NONE, hoist)));
            return new Value.ListOf(items);
        }
        Expr.CallExpr call = (Expr.CallExpr) expr;
        var observation = Observation.byName(call.call().callee().text());
        if (observation.isPresent()) {
            List<Value> args = new ArrayList<>();
            call.call().args().forEach(a -> args.add(lower(a.value(), env, SymbolSpace.NONE, hoist)));
            return new Value.Observe(observation.get(), args);
        }
        return hoist.apply(call);
    }

    /** The primary value of a binding: a reference to it. */
    static Value ref(String name, ValueType type) {
        return new Value.Ref(name, type);
    }
}
