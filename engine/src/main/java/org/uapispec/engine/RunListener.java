package org.uapispec.engine;

/**
 * Hears what a scenario run does, for reports. The engine works the same with {@link #NONE}; the
 * Allure listener is used only when Allure is on the class path.
 */
interface RunListener {
    /** Hears nothing. */
    RunListener NONE = new RunListener() {
    };

    /** A run starts: what the report says about the test (names, labels, link, description). */
    default void scenarioStarted(ScenarioInfo info) {
    }

    /** A step ended (passed, failed or skipped). */
    default void stepFinished(Trace.Entry entry) {
    }

    /** The run failed, or the spec did not compile: the failure with its kind, trace and state. */
    default void scenarioFailed(Failure failure) {
    }
}
