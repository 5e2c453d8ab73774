package org.uapispec.grammar.ast;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/** Structural equality of syntax trees that ignores every {@link SourcePos}. */
final class TreeEquality {
    private TreeEquality() {
    }

    static boolean equalIgnoringPositions(Object a, Object b) {
        if (a instanceof SourcePos && b instanceof SourcePos) {
            return true;
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!equalIgnoringPositions(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (!a.getClass().isRecord()) {
            return a.equals(b);
        }
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            try {
                if (!equalIgnoringPositions(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return true;
    }
}
