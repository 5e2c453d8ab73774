package org.uapispec.engine;

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

/**
 * Writes a run into the Allure test case that allure-junit-platform opened for it: one Allure step
 * per spec step, named by its source text and ending with its outcome; the profile as a parameter;
 * epic, feature, story, tag and catalogue labels; a link to the spec line; the doc comments as the
 * description; and, on failure, the step trace and the device state as attachments. Outside an
 * Allure test case (no Allure listener running) it does nothing.
 */
final class AllureRunListener implements RunListener {
    /** The epic of every spec scenario; the features report under their own. */
    public static final String EPIC = "Conformance specs";
    /** The custom label that carries catalogue IDs. */
    public static final String CATALOGUE_LABEL = "catalogue";

    private final AllureLifecycle lifecycle = Allure.getLifecycle();

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
            result.setName(info.scenarioTitle() + " [" + info.profile() + "]");
            result.getLabels().addAll(labels);
            result.getParameters().add(new Parameter().setName("profile").setValue(info.profile()));
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
        lifecycle.startStep(uuid, new StepResult()
                .setName(entry.text() + "  \u2192  " + entry.result())
                .setDescription(entry.pos().toString())
                .setStatus(status(entry.status())));
        lifecycle.stopStep(uuid);
    }

    @Override
    public void scenarioFailed(String trace, String deviceState) {
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        attach("step trace", trace);
        attach("device state", deviceState);
    }

    private void attach(String name, String text) {
        lifecycle.addAttachment(name, "text/plain", ".txt", text.getBytes(StandardCharsets.UTF_8));
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
        out.append("Profile: ").append(info.profile()).append(". Written at ").append(where).append('.');
        return out.toString();
    }

    private static Status status(Trace.Status status) {
        switch (status) {
            case PASSED:
                return Status.PASSED;
            case FAILED:
                return Status.FAILED;
            default:
                return Status.SKIPPED;
        }
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }
}
