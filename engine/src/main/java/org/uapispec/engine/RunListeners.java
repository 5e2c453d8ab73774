package org.uapispec.engine;

/**
 * Chooses the run listener: Allure's when Allure is on the class path and not switched off
 * ({@code uapispec.report.allure=false}).
 */
final class RunListeners {
    private static final String ALLURE_API = "io.qameta.allure.Allure";
    private static final String ALLURE_LISTENER = "org.uapispec.engine.AllureRunListener";

    private RunListeners() {
    }

    static RunListener load(boolean allureEnabled) {
        if (!allureEnabled || !present(ALLURE_API)) {
            return RunListener.NONE;
        }
        try {
            // Reflection keeps every Allure type out of the classes that load without Allure.
            return (RunListener) Class.forName(ALLURE_LISTENER).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return RunListener.NONE;
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, RunListeners.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
