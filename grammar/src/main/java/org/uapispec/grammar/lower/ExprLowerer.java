package org.uapispec.grammar.lower;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.SpecPrinter;
import org.uapispec.grammar.check.CheckResult;
import org.uapispec.grammar.check.Operators;
import org.uapispec.grammar.check.Resolution;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.Observation;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.Value;
import org.uapispec.grammar.model.ValueType;

/**
 * Lowers a checked expression to a model value: what the checker resolved each name and field to
 * (a binding's reference, a constant, a field, or the loop variable's value in the row being
 * expanded), with operators over constants folded. Calls inside checks and arguments are handed to {@code hoist},
 * which turns them into steps and returns a reference to their result. A constant repeat or join of
 * bytes beyond the limit is an error at its operator.
 */
final class ExprLowerer {
    private final Diagnostics diagnostics;
    private final CheckResult checked;
    /** The indexed bindings the steps lowered so far bind ({@code h[3]}): the ones a use may name. */
    private final Set<String> indexedBound = new HashSet<>();

    ExprLowerer(Diagnostics diagnostics, CheckResult checked) {
        this.diagnostics = diagnostics;
        this.checked = checked;
    }

    /**
     * The name of the binding {@code name[index]} stands for in the rows being expanded
     * ({@code h[3]}), or null after reporting an index that is not a number known before the run
     * (a loop variable whose row is a binding).
     */
    String indexedName(String name, Expr index, Rows rows) {
        Value value = lower(index, rows, call -> new Value.None());
        if (value instanceof Value.Int i) {
            return name + "[" + i.value() + "]";
        }
        diagnostics.error(index.pos(), "the index of '" + name + "' is not a number known before the run in this row");
        return null;
    }

    /** Records that a step binds {@code name} ({@code h[3]}), for the uses after it. */
    void bindIndexed(String name) {
        indexedBound.add(name);
    }

    /** The indexed bindings bound so far. */
    Set<String> indexedBound() {
        return Set.copyOf(indexedBound);
    }

    /** Records that steps lowered elsewhere (a shared setup) bind {@code names}. */
    void bindAll(Set<String> names) {
        indexedBound.addAll(names);
    }

    Value lower(Expr expr, Rows rows, Function<Expr.CallExpr, Value> hoist) {
        if (expr instanceof Expr.NameRef || expr instanceof Expr.Field || expr instanceof Expr.Index) {
            Resolution resolution = checked.resolution(expr);
            if (resolution instanceof Resolution.Bound bound) {
                return bound.ref();
            } else if (resolution instanceof Resolution.Fixed fixed) {
                return fixed.value();
            } else if (resolution instanceof Resolution.Indexed indexed) {
                return indexed(expr, indexed, rows);
            }
            return rows.value((Resolution.Column) resolution);
        } else if (expr instanceof Expr.IntLit i) {
            return Value.Int.of(i.value(), i.text());
        } else if (expr instanceof Expr.StringLit s) {
            return new Value.ByteString(Bytes.ofUtf8(s.value()));
        } else if (expr instanceof Expr.HexLit h) {
            return new Value.ByteString(Bytes.ofHex(h.digits()));
        } else if (expr instanceof Expr.BoolLit b) {
            return new Value.Bool(b.value());
        } else if (expr instanceof Expr.Unary u) {
            Value operand = lower(u.operand(), rows, hoist);
            Operator op = Operators.of(u.op());
            return ConstantFolder.unary(op, operand, () -> SpecPrinter.print(expr))
                    .orElseGet(() -> new Value.Unary(op, operand, checked.type(u)));
        } else if (expr instanceof Expr.Binary b) {
            Value left = lower(b.left(), rows, hoist);
            Value right = lower(b.right(), rows, hoist);
            Operator op = Operators.of(b.op());
            ValueType type = checked.type(b);
            try {
                return ConstantFolder.binary(op, left, right, type, () -> SpecPrinter.print(expr))
                        .orElseGet(() -> new Value.Binary(op, left, right, type));
            } catch (Bytes.TooLong e) {
                diagnostics.error(b.pos(), e.getMessage());
                return new Value.Binary(op, left, right, type);
            } catch (Operator.DivisionByZero e) {
                diagnostics.error(b.pos(), e.getMessage() + " in '" + SpecPrinter.print(expr) + "'");
                return new Value.Binary(op, left, right, type);
            }
        } else if (expr instanceof Expr.ListLit l) {
            List<Value> items = new ArrayList<>(l.items().size());
            l.items().forEach(i -> items.add(lower(i, rows, hoist)));
            return new Value.ListOf(items);
        }
        Expr.CallExpr call = (Expr.CallExpr) expr;
        var observation = Observation.byName(call.call().callee().text());
        if (observation.isPresent()) {
            List<Value> args = new ArrayList<>(call.call().args().size());
            call.call().args().forEach(a -> args.add(lower(a.value(), rows, hoist)));
            return new Value.Observe(observation.get(), args);
        }
        return hoist.apply(call);
    }

    /** {@code h[i]}, {@code h[i].size} or {@code f[i].fd} in the row being expanded; an error where no step bound it before. */
    private Value indexed(Expr expr, Resolution.Indexed indexed, Rows rows) {
        String name = indexedName(indexed.name(), indexed.index(), rows);
        if (name == null) {
            return new Value.None();
        }
        if (!indexedBound.contains(name)) {
            diagnostics.error(expr.pos(), "'" + name + "' is not bound here: no step before this one binds '"
                    + indexed.name() + "' at that index");
        }
        if (indexed.field() == null) {
            return new Value.Ref(name, indexed.type());
        }
        ValueType element = ((Resolution.Indexed) checked.resolution(((Expr.Field) expr).target())).type();
        if (element.isDescriptor() && indexed.field().equals("fd")) {
            return new Value.DescriptorNumber(new Value.Ref(name, element));
        }
        return new Value.Field(name, indexed.field(), indexed.type());
    }
}
