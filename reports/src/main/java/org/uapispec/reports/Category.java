package org.uapispec.reports;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of Allure's {@code categories.json}: results with one of {@code matchedStatuses} whose
 * message matches {@code messageRegex} (a whole-message match, as Allure does it).
 */
public record Category(String name, String description, List<String> matchedStatuses, String messageRegex) {
    public Category {
        matchedStatuses = List.copyOf(matchedStatuses);
    }

    /** Whether a result with this status and message falls into this category. */
    public boolean matches(String status, String message) {
        return matchedStatuses.contains(status)
                && (messageRegex == null || Pattern.compile(messageRegex).matcher(message == null ? "" : message).matches());
    }
}
