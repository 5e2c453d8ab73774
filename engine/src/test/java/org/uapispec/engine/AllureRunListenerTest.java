package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.uapispec.api.FailureKind;

/** The engine's Allure output, as allure-junit-platform records it, captured in memory. */
class AllureRunListenerTest {

    /** Keeps what Allure would write to allure-results. */
    static final class Captured implements AllureResultsWriter {
        final List<TestResult> results = new CopyOnWriteArrayList<>();
        final List<String> attachments = new CopyOnWriteArrayList<>();
        final Map<String, String> contents = new ConcurrentHashMap<>();

        @Override
        public void write(TestResult result) {
            results.add(result);
        }

        @Override
        public void write(TestResultContainer container) {
        }

        @Override
        public void write(String source, InputStream attachment) {
            attachments.add(source);
            try {
                contents.put(source, new String(attachment.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The JSON attachment named {@code name} of {@code result}, parsed. */
        JsonNode json(TestResult result, String name) throws IOException {
            String source = result.getAttachments().stream().filter(a -> a.getName().equals(name)).findFirst()
                    .orElseThrow().getSource();
            return new ObjectMapper().readTree(contents.get(source));
        }
    }

    private static Captured run(DiscoverySelector selector) {
        Captured captured = new Captured();
        AllureLifecycle lifecycle = new AllureLifecycle(captured);
        io.qameta.allure.Allure.setLifecycle(lifecycle);
        // Only this listener: allure-junit-platform would also register itself through the ServiceLoader.
        LauncherConfig config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build();
        LauncherFactory.create(config).execute(request().selectors(selector)
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines(UapiTestEngine.ENGINE_ID)).build(),
                new AllureJunitPlatform(lifecycle));
        return captured;
    }

    private static List<String> labels(TestResult result, String name) {
        return result.getLabels().stream().filter(l -> l.getName().equals(name)).map(Label::getValue).toList();
    }

    @Test
    void everyStepIsAnAllureStepNamedByItsSourceText() {
        Captured captured = run(selectClasspathResource("good/single.uapi"));
        assertThat(captured.results).singleElement().satisfies(result -> {
            assertThat(result.getStatus()).isEqualTo(Status.PASSED);
            assertThat(result.getSteps()).extracting(StepResult::getName).containsExactly(
                    "p = spawn()  \u2192  ok (pid 100)",
                    "f = open(p)  \u2192  ok (fd 3)",
                    "h = gem_create(f, size: PAGE)  \u2192  ok (handle 1)",
                    "pwrite(f, h, offset: 8, data: \"abcd\")  \u2192  ok",
                    "pread(f, h, offset: 8, size: 4)  \u2192  ok (\"abcd\")",
                    "check pread(f, h, offset: 8, size: 4) == \"abcd\"  \u2192  true");
        });
    }

    @Test
    void labelsParametersLinkAndDescriptionNameTheScenario() {
        Captured captured = run(selectClasspathResource("good/handles.uapi"));
        assertThat(captured.results).hasSize(4);
        TestResult result = captured.results.stream()
                .filter(r -> r.getName().equals("closed numbers are reused [i915]")).findFirst().orElseThrow();
        assertThat(labels(result, "epic")).containsExactly(AllureRunListener.EPIC);
        assertThat(labels(result, "feature")).containsExactly("handles");
        assertThat(labels(result, "story")).containsExactly("closed numbers are reused");
        assertThat(labels(result, "tag")).contains("gem", "handles");
        // cited as HANDLE-NONZERO, HANDLE-REUSE and CLOSE-BAD: one ID per entry, its number
        assertThat(labels(result, AllureRunListener.CATALOGUE_LABEL)).containsExactly("7", "8", "9");
        assertThat(result.getParameters()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("profile");
            assertThat(p.getValue()).isEqualTo("i915");
        });
        assertThat(result.getLinks()).anySatisfy(link -> assertThat(link.getUrl()).isEqualTo("good/handles.uapi#L19"));
        assertThat(result.getDescription()).contains("Handles come from a per-file idr");
    }

    @Test
    void aFailureCarriesTheStepTraceAndTheDeviceStateAsAttachments() {
        Captured captured = run(selectClasspathResource("failing/wrong-errno.uapi"));
        TestResult result = captured.results.get(0);
        assertThat(result.getStatus()).isEqualTo(Status.FAILED);
        assertThat(result.getStatusDetails().getMessage()).contains("expected: ENOENT");
        assertThat(result.getAttachments()).extracting(a -> a.getName()).contains("step trace", "device state");
        assertThat(result.getSteps()).last().satisfies(step -> assertThat(step.getStatus()).isEqualTo(Status.FAILED));
        assertThat(captured.attachments).hasSizeGreaterThanOrEqualTo(2);
    }

    private static Optional<String> parameter(List<Parameter> parameters, String name) {
        return parameters.stream().filter(p -> p.getName().equals(name)).map(Parameter::getValue).findFirst();
    }

    @Test
    void aFailureIsWrittenAsAKindLabelParametersAndAJsonAttachment() throws IOException {
        Captured captured = run(selectClasspathResource("failing/wrong-errno.uapi"));
        TestResult result = captured.results.get(0);
        assertThat(labels(result, AllureRunListener.KIND_LABEL)).containsExactly(FailureKind.ERRNO_MISMATCH.name());
        assertThat(parameter(result.getParameters(), AllureRunListener.EXPECTED)).contains("ENOENT");
        assertThat(parameter(result.getParameters(), AllureRunListener.ACTUAL)).hasValueSatisfying(
                actual -> assertThat(actual).startsWith("EINVAL"));
        JsonNode failure = captured.json(result, AllureRunListener.FAILURE_ATTACHMENT);
        assertThat(failure.path("kind").asText()).isEqualTo("ERRNO_MISMATCH");
        assertThat(failure.path("location").asText()).startsWith("failing/wrong-errno.uapi:");
        assertThat(failure.path("expected").asText()).isEqualTo("ENOENT");
        assertThat(failure.path("state").asText()).contains("device 0");
        StepResult last = result.getSteps().get(result.getSteps().size() - 1);
        assertThat(parameter(last.getParameters(), AllureRunListener.EXPECTED)).contains("ENOENT");
        assertThat(parameter(last.getParameters(), AllureRunListener.ANSWER)).contains("EINVAL");
    }

    @Test
    void aSpecThatDoesNotCompileIsLabelledACompileError() throws IOException {
        Captured captured = run(selectClasspathResource("bad/broken.uapi"));
        TestResult result = captured.results.get(0);
        assertThat(labels(result, AllureRunListener.KIND_LABEL)).containsExactly(FailureKind.COMPILE_ERROR.name());
        assertThat(captured.json(result, AllureRunListener.FAILURE_ATTACHMENT).path("diagnostics")).isNotEmpty();
    }

    /** The kind and status the report's categories sort by, for one failing spec of each kind. */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "categories/errno.uapi, ERRNO_MISMATCH, FAILED",
        "categories/check.uapi, CHECK_FAILED, FAILED",
        "categories/invariant.uapi, INVARIANT_VIOLATED, FAILED",
        "categories/refused.uapi, REFUSED_VALUE, FAILED",
        "categories/broken.uapi, COMPILE_ERROR, BROKEN"})
    void eachKindOfFailureIsLabelledWithItsKind(String spec, FailureKind kind, Status status) {
        TestResult result = run(selectClasspathResource(spec)).results.stream()
                .filter(r -> r.getStatus() != Status.PASSED).findFirst().orElseThrow();
        assertThat(result.getStatus()).isEqualTo(status);
        assertThat(labels(result, AllureRunListener.KIND_LABEL)).containsExactly(kind.name());
    }
}
