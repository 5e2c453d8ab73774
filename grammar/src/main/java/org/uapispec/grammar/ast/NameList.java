package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/**
 * {@code tags [...]}, {@code catalogue [...]} or {@code retry [...]} (errno names); the profiles have
 * a {@link ProfileList}.
 */
public record NameList(SourcePos pos, Kind kind, List<Name> names) implements Meta {
    /** Which list this is; the keyword is how it is spelt. */
    public enum Kind {
        TAGS("tags"),
        CATALOGUE("catalogue"),
        /** The errnos on which every ioctl step is made again. */
        RETRY("retry");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public NameList {
        names = List.copyOf(names);
    }
}
