package org.uapispec.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.uapispec.api.FailureKind;

/**
 * Writes a run into the Allure test case that allure-junit-platform opened for it: one Allure step
 * per spec step, named by its source text and ending with its outcome; the profile and the kernel
 * ({@value #MODEL} on the reference device) as parameters;
 * epic, feature, story, tag and catalogue labels; a link to the spec line; the doc comments as the
 * description. Each call step carries parameters {@value #EXPECTED} and {@value #ANSWER} (the
 * kernel's answer alone: {@code ok}, an errno, a signal). On failure the test case gets the label
 * {@value #KIND_LABEL} (a {@link FailureKind} name), parameters {@value #EXPECTED} and
 * {@value #ACTUAL}, the whole {@link Failure} as a JSON attachment named {@value #FAILURE_ATTACHMENT},
 * and the step trace and device state as text. The report reads these, never the message text.
 * Outside an Allure test case (no Allure listener running) it does nothing.
 */
final class AllureRunListener implements RunListener {
    /** The epic of every spec scenario; the features report under their own. */
    public static final String EPIC = "Conformance specs";
    /** The parameter of every result with the kernel it ran on, or {@value #MODEL}. */
    static final String KERNEL = "kernel";
    /** The {@value #KERNEL} parameter of a run on the reference device. */
    static final String MODEL = "model";
    /** The custom label that carries catalogue IDs. */
    public static final String CATALOGUE_LABEL = "catalogue";
    /** The label that carries a failure's {@link FailureKind}. */
    public static final String KIND_LABEL = "failure.kind";
    /** The parameter (of a failed test, and of each call step) with what the spec expects. */
    public static final String EXPECTED = "expected";
    /** The parameter of a failed test with what came back. */
    public static final String ACTUAL = "actual";
    /** The parameter of each call step with the kernel's answer alone. */
    public static final String ANSWER = "answer";
    /** The JSON attachment with the whole failure. */
    public static final String FAILURE_ATTACHMENT = "failure";

    private final AllureLifecycle lifecycle = Allure.getLifecycle();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void scenarioStarted(ScenarioInfo info) {
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        List<Label> labels = new ArrayList<>();
        labels.add(label("epic", EPIC));
        labels.add(label("feature", info.specTitle()));
        labels.add(label("story", info.scenarioTitle()));
        labels.add(label("parentSuite", EPIC));
        labels.add(label("suite", info.specTitle()));
        labels.add(label("subSuite", info.scenarioTitle()));
        info.tags().forEach(tag -> labels.add(label("tag", tag)));
        info.catalogue().forEach(id -> labels.add(label(CATALOGUE_LABEL, id)));
        String where = info.source() + ":" + info.pos().line();
        lifecycle.updateTestCase(result -> {
            result.setName(info.scenarioTitle() + " [" + (info.kernel().isEmpty() ? info.profile()
                    : info.profile() + " on " + info.kernel()) + "]");
            result.getLabels().addAll(labels);
            result.getParameters().add(parameter("profile", info.profile()));
            result.getParameters().add(parameter(KERNEL, info.kernel().isEmpty() ? MODEL : info.kernel()));
            result.getLinks().add(new Link().setName(where).setUrl(info.source() + "#L" + info.pos().line())
                    .setType("spec"));
            result.setDescription(description(info, where));
        });
    }

    @Override
    public void stepFinished(Trace.Entry entry) {
        if (lifecycle.getCurrentTestCaseOrStep().isEmpty()) {
            return;
        }
        String uuid = UUID.randomUUID().toString();
        StepResult step = new StepResult()
                .setName(entry.text() + "  \u2192  " + entry.result())
                .setDescription(entry.pos().toString())
                .setStatus(status(entry.status()));
        if (!entry.answer().isEmpty()) {
            step.getParameters().add(parameter(EXPECTED, entry.expected()));
            step.getParameters().add(parameter(ANSWER, entry.answer()));
        }
        lifecycle.startStep(uuid, step);
        lifecycle.stopStep(uuid);
    }

    @Override
    public void scenarioFailed(Failure failure) {
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        lifecycle.updateTestCase(result -> {
            result.getLabels().add(label(KIND_LABEL, failure.kind().name()));
            // Excluded from the history ID: a test that starts failing stays the same test in trends.
            result.getParameters().add(parameter(EXPECTED, failure.expected()).setExcluded(true));
            result.getParameters().add(parameter(ACTUAL, failure.actual()).setExcluded(true));
        });
        lifecycle.addAttachment(FAILURE_ATTACHMENT, "application/json", ".json", json(failure));
        if (!failure.trace().isEmpty()) {
            attach("step trace", failure.trace());
            attach("device state", failure.state());
        }
    }

    private byte[] json(Failure failure) {
        try {
            return json.writeValueAsBytes(failure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write failure at " + failure.location() + " as JSON", e);
        }
    }

    private void attach(String name, String text) {
        lifecycle.addAttachment(name, "text/plain", ".txt", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Parameter parameter(String name, String value) {
        return new Parameter().setName(name).setValue(value);
    }

    private static String description(ScenarioInfo info, String where) {
        StringBuilder out = new StringBuilder();
        if (!info.doc().isEmpty()) {
            out.append(String.join("\n", info.doc())).append("\n\n");
        }
        if (info.description() != null && !info.description().isBlank()) {
            out.append(info.description()).append("\n\n");
        }
        if (!info.catalogue().isEmpty()) {
            out.append("Catalogue: ").append(String.join(", ", info.catalogue())).append("\n\n");
        }
        out.append("Profile: ").append(info.profile()).append(info.kernel().isEmpty() ? ", on the reference device"
                : ", on " + info.kernel()).append(". Written at ").append(where).append('.');
        return out.toString();
    }

    private static Status status(Trace.Status status) {
        switch (status) {
            case PASSED:
                return Status.PASSED;
            case FAILED:
                return Status.FAILED;
            case SKIPPED:
                return Status.SKIPPED;
        }
        throw new AssertionError(status);
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }
}
