package org.uapispec.grammar.ast;

import java.util.List;

/** One thing a scenario does: a step (a call), a check, or a loop over rows of values. */
public sealed interface Statement extends ScenarioMember permits CallStatement, Check, ForLoop {
    /** The {@code ///} lines before the statement. */
    List<String> doc();

    /** What messages call the statement: {@code step}, {@code check} or {@code loop}. */
    String kind();
}
