package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class DiscoveryTest {

    static TestDescriptor discover(DiscoverySelector... selectors) {
        return EngineTestKit.engine(UapiTestEngine.ENGINE_ID).selectors(selectors).discover().getEngineDescriptor();
    }

    /** Each test as its parent's name and its own id segment: {@code scenario title/profile}. */
    static List<String> testNames(TestDescriptor root) {
        return root.getDescendants().stream().filter(TestDescriptor::isTest)
                .map(d -> d.getParent().map(TestDescriptor::getDisplayName).orElse("") + "/"
                        + d.getUniqueId().getLastSegment().getValue())
                .sorted().toList();
    }

    @Test
    void aClasspathResourceGivesSpecScenarioAndOneTestPerProfile() {
        TestDescriptor root = discover(selectClasspathResource("good/handles.uapi"));
        assertThat(root.getChildren()).singleElement().satisfies(spec -> {
            assertThat(spec.getDisplayName()).isEqualTo("handles");
            assertThat(spec.isContainer()).isTrue();
        });
        assertThat(testNames(root)).containsExactly(
                "closed numbers are reused/generic", "closed numbers are reused/i915",
                "closing an unknown handle is EINVAL/generic", "closing an unknown handle is EINVAL/i915");
    }

    @Test
    void aScenarioOnOneProfileIsItselfTheTest() {
        TestDescriptor root = discover(selectClasspathResource("good/single.uapi"));
        TestDescriptor scenario = root.getChildren().iterator().next().getChildren().iterator().next();
        assertThat(scenario.isTest()).isTrue();
        assertThat(scenario.getChildren()).isEmpty();
        assertThat(scenario.getUniqueId().getLastSegment().getType()).isEqualTo("scenario");
    }

    @Test
    void aPackageFindsEverySpecResourceInIt() {
        TestDescriptor root = discover(selectPackage("good"));
        assertThat(root.getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrder("handles", "answers by profile", "one profile");
    }

    @Test
    void aFileAndADirectoryAreDiscoveredWithFileSources() {
        File file = new File("src/test/resources/good/handles.uapi");
        TestDescriptor byFile = discover(selectFile(file));
        assertThat(testNames(byFile)).hasSize(4);
        assertThat(byFile.getChildren().iterator().next().getSource()).get().isInstanceOf(FileSource.class);

        TestDescriptor byDirectory = discover(selectDirectory("src/test/resources/good"));
        assertThat(byDirectory.getChildren()).hasSize(3);
    }

    @Test
    void aLineSelectsTheScenarioWrittenThere() {
        // Line 20 lies inside "closed numbers are reused" (declared at line 19).
        TestDescriptor root = discover(selectClasspathResource("good/handles.uapi", FilePosition.from(20)));
        assertThat(testNames(root)).containsExactly(
                "closed numbers are reused/generic", "closed numbers are reused/i915");
    }

    @Test
    void aLineAboveEveryScenarioSelectsTheWholeFile() {
        TestDescriptor root = discover(selectClasspathResource("good/handles.uapi", FilePosition.from(3)));
        assertThat(testNames(root)).hasSize(4);
    }

    @Test
    void aFileLineSelectsOneScenarioToo() {
        TestDescriptor root = discover(selectFile(new File("src/test/resources/good/handles.uapi"),
                FilePosition.from(15)));
        assertThat(testNames(root)).containsExactly(
                "closing an unknown handle is EINVAL/generic", "closing an unknown handle is EINVAL/i915");
    }

    @Test
    void uniqueIdsAreNamedByTitleAndProfileAndRoundTrip() {
        TestDescriptor root = discover(selectClasspathResource("good/handles.uapi"));
        TestDescriptor test = root.getDescendants().stream().filter(TestDescriptor::isTest)
                .filter(d -> d.getUniqueId().getLastSegment().getValue().equals("i915")).findFirst().orElseThrow();
        UniqueId id = test.getUniqueId();
        UniqueId spec = UniqueId.forEngine(UapiTestEngine.ENGINE_ID).append("resource", "good/handles.uapi");
        assertThat(id).isIn(
                spec.append("scenario", "closed numbers are reused").append("profile", "i915"),
                spec.append("scenario", "closing an unknown handle is EINVAL").append("profile", "i915"));

        TestDescriptor again = discover(selectUniqueId(id));
        assertThat(again.getDescendants().stream().filter(TestDescriptor::isTest).map(TestDescriptor::getUniqueId))
                .containsExactly(id);
    }

    @Test
    void aScenarioUniqueIdSelectsAllItsProfiles() {
        UniqueId scenario = UniqueId.forEngine(UapiTestEngine.ENGINE_ID)
                .append("resource", "good/per-profile.uapi").append("scenario", "gem_create by driver");
        assertThat(testNames(discover(selectUniqueId(scenario))))
                .containsExactly("gem_create by driver/generic", "gem_create by driver/i915-2019");
    }

    @Test
    void aTestIsNamedBySpecFileScenarioAndProfileInTreeAndFlatReports() {
        TestDescriptor root = discover(selectClasspathResource("good/handles.uapi"), selectClasspathResource("good/single.uapi"));
        List<TestDescriptor> tests = root.getDescendants().stream().filter(TestDescriptor::isTest)
                .map(TestDescriptor.class::cast).toList();
        assertThat(tests).extracting(TestDescriptor::getDisplayName).contains(
                "good/handles.uapi: closed numbers are reused [i915]",
                "good/single.uapi: pread reads what pwrite wrote [i915]");
        assertThat(tests).allSatisfy(t -> assertThat(t.getLegacyReportingName()).isEqualTo(t.getDisplayName()));
    }

    /**
     * Surefire names a test by its display name under the suite class and takes equal names for
     * reruns of one test, so no two tests of a run may share one: not across profiles, not across
     * files with the same scenario titles, not for a broken file.
     */
    @Test
    void noTwoTestsOfARunShareADisplayName() {
        TestDescriptor root = discover(selectPackage("good"), selectPackage("failing"), selectPackage("bad"),
                selectDirectory("src/test/resources/good"));
        List<String> names = root.getDescendants().stream().filter(TestDescriptor::isTest)
                .map(TestDescriptor::getDisplayName).toList();
        assertThat(names).hasSizeGreaterThan(10).doesNotHaveDuplicates();
        assertThat(names).contains("bad/broken.uapi", "src/test/resources/good/handles.uapi: closed numbers are reused [i915]");
    }

    @Test
    void everyDescriptorCarriesItsSourceLine() {
        TestDescriptor root = discover(selectClasspathResource("good/handles.uapi"));
        TestDescriptor scenario = root.getDescendants().stream()
                .filter(d -> d.getDisplayName().equals("closing an unknown handle is EINVAL")).findFirst().orElseThrow();
        assertThat(scenario.getSource()).get().isInstanceOfSatisfying(ClasspathResourceSource.class, source -> {
            assertThat(source.getClasspathResourceName()).isEqualTo("good/handles.uapi");
            assertThat(source.getPosition()).get().extracting(p -> p.getLine()).isEqualTo(15);
        });
    }

    @Test
    void specTagsBecomeJUnitTags() {
        TestDescriptor root = discover(selectClasspathResource("good/handles.uapi"));
        Set<String> tags = root.getDescendants().stream().filter(TestDescriptor::isTest)
                .flatMap(d -> d.getTags().stream()).map(TestTag::getName).collect(Collectors.toSet());
        assertThat(tags).contains("gem", "handles");
    }

    @Test
    void aBrokenFileIsOneTestBesideTheGoodOnes() {
        TestDescriptor root = discover(selectClasspathResource("bad/broken.uapi"),
                selectClasspathResource("good/single.uapi"));
        assertThat(root.getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrder("bad/broken.uapi", "one profile");
    }

    @Test
    void aMalformedFileUniqueIdSelectsNothingAndThrowsNothing() {
        for (String value : new String[] {"not a uri", "http://example.invalid/x.uapi", "relative/x.uapi"}) {
            EngineDiscoveryResults results = EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                    .selectors(selectUniqueId(UniqueId.forEngine(UapiTestEngine.ENGINE_ID).append("file", value)))
                    .discover();
            assertThat(results.getEngineDescriptor().getChildren()).as(value).isEmpty();
            // The platform reports what no resolver could resolve; nothing may have thrown.
            assertThat(results.getDiscoveryIssues()).as(value).allSatisfy(issue -> {
                assertThat(issue.message()).endsWith("could not be resolved");
                assertThat(issue.cause()).isEmpty();
            });
        }
    }

    @Test
    void otherFilesAreIgnored() {
        assertThat(discover(selectClasspathResource("good/not-a-spec.txt")).getChildren()).isEmpty();
        assertThat(discover(selectUniqueId(UniqueId.forEngine(UapiTestEngine.ENGINE_ID)
                .append("resource", "good/handles.uapi").append("scenario", "no such scenario")))
                .getChildren()).isEmpty();
    }
}
