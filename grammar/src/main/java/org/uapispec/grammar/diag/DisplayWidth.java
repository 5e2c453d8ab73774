package org.uapispec.grammar.diag;

/**
 * How many terminal columns a code point takes, for the caret line: the common cases of Unicode's
 * East Asian Width and emoji presentation, not the whole of UAX #11 (a caret one column off under
 * a rare script is acceptable; a caret that ignores every emoji is not).
 */
final class DisplayWidth {
    private DisplayWidth() {
    }

    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0; // combining accents, zero-width joiners, variation selectors
        }
        return isWide(codePoint) ? 2 : 1;
    }

    private static boolean isWide(int c) {
        return c >= 0x1100 && c <= 0x115F      // Hangul Jamo initials
                || c >= 0x2E80 && c <= 0xA4CF  // CJK radicals .. Yi
                || c >= 0xAC00 && c <= 0xD7A3  // Hangul syllables
                || c >= 0xF900 && c <= 0xFAFF  // CJK compatibility ideographs
                || c >= 0xFE30 && c <= 0xFE4F  // CJK compatibility forms
                || c >= 0xFF00 && c <= 0xFF60  // fullwidth forms
                || c >= 0xFFE0 && c <= 0xFFE6
                || c >= 0x1F300 && c <= 0x1F64F // pictographs, emoticons
                || c >= 0x1F900 && c <= 0x1F9FF // supplemental symbols and pictographs
                || c >= 0x1FA70 && c <= 0x1FAFF
                || c >= 0x20000 && c <= 0x3FFFD; // CJK extensions
    }
}
