package org.uapispec.grammar.check;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.uapispec.grammar.ast.BinaryOp;
import org.uapispec.grammar.ast.UnaryOp;
import org.uapispec.grammar.model.Operator;

/** The model operator of each syntax operator (same names): a map, not a {@code valueOf} per expression. */
public final class Operators {
    private static final Map<UnaryOp, Operator> UNARY = operators(UnaryOp.class);
    private static final Map<BinaryOp, Operator> BINARY = operators(BinaryOp.class);

    private Operators() {
    }

    public static Operator of(UnaryOp op) {
        return UNARY.get(op);
    }

    public static Operator of(BinaryOp op) {
        return BINARY.get(op);
    }

    private static <E extends Enum<E>> Map<E, Operator> operators(Class<E> syntax) {
        Map<E, Operator> operators = new EnumMap<>(syntax);
        for (E op : syntax.getEnumConstants()) {
            operators.put(op, Operator.valueOf(op.name()));
        }
        return Collections.unmodifiableMap(operators);
    }
}
