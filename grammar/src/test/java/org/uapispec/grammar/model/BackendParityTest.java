package org.uapispec.grammar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Backend;
import org.uapispec.api.Ioctl;

/**
 * The call table names its backend call by text ({@link Operation#backendCall()}); until the table
 * is bound to the api by code, this test checks through the api's classes, not its sources, that
 * every name it gives exists.
 */
class BackendParityTest {

    private static boolean backendHas(String call) {
        String method = call.substring("Backend.".length(), call.indexOf('('));
        return Arrays.stream(Backend.class.getMethods()).map(Method::getName).anyMatch(method::equals);
    }

    private static boolean isIoctlRecord(String call) throws ClassNotFoundException {
        String[] parts = call.split("\\.");
        Class<?> type = Class.forName(Ioctl.class.getPackageName() + "." + parts[0] + "$" + parts[1]);
        return type.isRecord() && Ioctl.class.isAssignableFrom(type);
    }

    @Test
    void everyOperationNamesAnExistingBackendMethodOrIoctl() throws ClassNotFoundException {
        for (Operation op : Operation.values()) {
            String call = op.backendCall();
            assertThat(call.startsWith("Backend.") ? backendHas(call) : isIoctlRecord(call)).as(call).isTrue();
        }
        for (Observation o : Observation.values()) {
            assertThat(backendHas(o.backendCall())).as(o.backendCall()).isTrue();
        }
    }
}
