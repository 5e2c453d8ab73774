package org.uapispec.grammar.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.uapispec.api.Errno;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.NameList;
import org.uapispec.grammar.ast.SyntaxNode;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.DidYouMean;
import org.uapispec.grammar.source.SourcePos;

/**
 * The {@code retry [EINTR, EAGAIN]} lists of a spec and of its scenarios: errno names, at most one
 * list per spec or scenario. A scenario's list replaces the spec's ({@code retry []} turns retrying
 * off for it).
 */
final class RetryChecker {
    private final Diagnostics diagnostics;

    RetryChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The errnos the list among {@code members} names, or {@code inherited} when they have none. */
    Set<Errno> of(List<? extends SyntaxNode> members, Set<Errno> inherited) {
        Set<Errno> errnos = null;
        SourcePos first = null;
        for (SyntaxNode member : members) {
            if (!(member instanceof NameList list) || list.kind() != NameList.Kind.RETRY) {
                continue;
            }
            if (first != null) {
                diagnostics.error(list.pos(), "duplicate retry list, first at " + first.lineAndColumn());
                continue;
            }
            first = list.pos();
            errnos = EnumSet.noneOf(Errno.class);
            for (Name name : list.names()) {
                Optional<Errno> errno = Errno.byName(name.text());
                if (errno.isEmpty()) {
                    diagnostics.error(name.pos(), "unknown errno '" + name.text() + "' in retry list"
                            + DidYouMean.hint(name.text(), Errno.names()));
                } else if (!errnos.add(errno.get())) {
                    diagnostics.warning(name.pos(), "'" + name.text() + "' is already in the retry list");
                }
            }
        }
        return errnos == null ? inherited : Set.copyOf(errnos);
    }
}
