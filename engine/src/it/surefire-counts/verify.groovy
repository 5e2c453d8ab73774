// Checks what Surefire itself reported for the fixture suite: the summary line of the build log and
// the XML report. Every count must be exact, every test named by spec file, scenario and profile,
// and no test may be taken for a rerun of another.
import groovy.xml.XmlSlurper

File log = new File(basedir, 'build.log')
String text = log.getText('UTF-8')

def fail = { String why -> throw new AssertionError(why + '\n--- build.log ---\n' + text) }

String profiles = 'generic i915 i915-2019'
def failing = [
    'fixture/gem/close.uapi: closing an unknown handle is ENOENT',
    'fixture/gem/create.uapi: a check that is false',
    'fixture/invariants.uapi: a second object breaks the invariant',
]
def passing = [
    'fixture/gem/close.uapi: closing an unknown handle is EINVAL',
    'fixture/gem/close.uapi: basics',
    'fixture/gem/create.uapi: basics',
    'fixture/invariants.uapi: one object keeps the invariant',
]
def expand = { List scenarios -> scenarios.collectMany { s -> profiles.split(' ').collect { p -> "${s} [${p}]".toString() } } }
def expectedFailures = expand(failing)
def expectedPasses = expand(passing) + ['fixture/single.uapi: basics [i915]', 'fixture/warned.uapi: a binding nobody uses [generic]']
def expectedErrors = ['fixture/broken.uapi']
int total = expectedFailures.size() + expectedPasses.size() + expectedErrors.size()

// 1. Surefire's own summary (the last 'Tests run:' line, after 'Results:'): exactly the tests that
// ran, failures and errors exactly.
String summary = "Tests run: ${total}, Failures: ${expectedFailures.size()}, Errors: ${expectedErrors.size()}, Skipped: 0"
def counts = (text =~ /(?m)^\[\w+\] Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+.*$/).collect { it }
if (counts.isEmpty() || !counts.last().endsWith(summary)) {
    fail("expected the closing summary '${summary}', got '${counts ? counts.last() : 'none'}'")
}
// Surefire lists tests it took for reruns of one test as 'Run 1: ...' and 'Flakes:'.
if (text =~ /(?m)^\[\w+\]\s+Run \d+:/ || text.contains('Flakes:')) {
    fail('Surefire took some tests for reruns of others')
}
// 2. The failure headers of the summary name every failing test.
for (String name : expectedFailures + expectedErrors) {
    if (!(text =~ /(?m)^\[ERROR\]\s+\S*FixtureSuite\.\Q${name}\E/)) {
        fail("the summary does not name the failing test '${name}'")
    }
}

// 3. The XML report: one test case per test, each under its own name, with its result.
File xml = new File(basedir, 'target/surefire-reports/TEST-fixture.FixtureSuite.xml')
if (!xml.isFile()) {
    fail("no report at ${xml}")
}
def suite = new XmlSlurper().parse(xml)
def cases = suite.testcase.collect { it }
List names = cases.collect { it.@name.text() }
if (names.size() != total || names.toSet().size() != total) {
    fail("expected ${total} test cases with distinct names, got ${names.size()} (${names.toSet().size()} distinct): ${names}")
}
if (names.toSet() != (expectedFailures + expectedPasses + expectedErrors).toSet()) {
    fail("unexpected test case names: ${names.sort()}")
}
def failedNames = cases.findAll { !it.failure.isEmpty() }.collect { it.@name.text() }.toSet()
def erroredNames = cases.findAll { !it.error.isEmpty() }.collect { it.@name.text() }.toSet()
if (failedNames != expectedFailures.toSet() || erroredNames != expectedErrors.toSet()) {
    fail("failures ${failedNames}, errors ${erroredNames}")
}
if (suite.@tests.text() != "${total}" || suite.@failures.text() != "${expectedFailures.size()}"
        || suite.@errors.text() != "${expectedErrors.size()}") {
    fail("the report's counts are tests=${suite.@tests} failures=${suite.@failures} errors=${suite.@errors}")
}
// A failure message names where the step is written.
def closeFailure = cases.find { it.@name.text() == 'fixture/gem/close.uapi: closing an unknown handle is ENOENT [i915]' }
if (!closeFailure.failure.@message.text().contains('fixture/gem/close.uapi:15:5')) {
    fail("the failure message does not name the step's line: ${closeFailure.failure.@message}")
}

// 4. The warning of a spec that compiles reaches the build log with its position.
if (!text.contains('fixture/warned.uapi:7:5: warning: binding \'q\' is never used')) {
    fail('the warning of warned.uapi is not in the build log')
}
return true
