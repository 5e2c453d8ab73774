package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The warnings of a spec that compiles reach launchers, IDEs and build tools as discovery issues,
 * with the spec's position, once per spec; the platform's critical-severity setting makes them fail
 * the run.
 */
class DiscoveryIssuesTest {

    private static List<DiscoveryIssue> issues(org.junit.platform.engine.DiscoverySelector... selectors) {
        return EngineTestKit.engine(UapiTestEngine.ENGINE_ID).selectors(selectors).discover().getDiscoveryIssues();
    }

    @Test
    void aWarningIsADiscoveryIssueWithItsPositionAndCaret() {
        assertThat(issues(selectClasspathResource("warned/unused.uapi"))).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message()).isEqualTo(String.join("\n",
                    "warned/unused.uapi:7:5: warning: binding 'q' is never used",
                    "    q = spawn()",
                    "    ^"));
            assertThat(issue.source()).get().isInstanceOfSatisfying(ClasspathResourceSource.class, source -> {
                assertThat(source.getClasspathResourceName()).isEqualTo("warned/unused.uapi");
                assertThat(source.getPosition()).get().satisfies(p -> {
                    assertThat(p.getLine()).isEqualTo(7);
                    assertThat(p.getColumn()).contains(5);
                });
            });
        });
    }

    @Test
    void aSpecSelectedTwiceWarnsOnce() {
        File file = new File("src/test/resources/warned/unused.uapi");
        assertThat(issues(selectFile(file), selectFile(file, FilePosition.from(5))))
                .singleElement().satisfies(issue -> assertThat(issue.source()).get().isInstanceOf(FileSource.class));
    }

    @Test
    void aSpecWithoutWarningsRaisesNoIssue() {
        assertThat(issues(selectClasspathResource("good/handles.uapi"))).isEmpty();
    }

    @Test
    void aSpecThatDoesNotCompileIsAFailingTestNotAnIssue() {
        assertThat(issues(selectClasspathResource("bad/broken.uapi"))).isEmpty();
    }

    @Test
    void warningsFailTheRunWhenTheyAreMadeCritical() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request()
                .selectors(selectClasspathResource("warned/unused.uapi"))
                .configurationParameter("junit.platform.discovery.issue.severity.critical", "warning")
                .build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsStartedCount()).isZero();
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .hasMessageContaining("warned/unused.uapi:7:5: warning: binding 'q' is never used"));
    }
}
