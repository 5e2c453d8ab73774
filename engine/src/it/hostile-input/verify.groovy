// Hostile spec files beside a good one: each hostile file ends as its own test with a positioned
// message, and the good spec's every result is still in Surefire's summary and XML.
import groovy.xml.XmlSlurper

String text = new File(basedir, 'build.log').getText('UTF-8')
def fail = { String why -> throw new AssertionError(why + '\n--- build.log ---\n' + text) }

def passing = [
    'hostile/good.uapi: closing an unknown handle is EINVAL [generic]',
    'hostile/good.uapi: closing an unknown handle is EINVAL [i915]',
    'hostile/good.uapi: pwrite then read through a mapping [generic]',
    'hostile/good.uapi: pwrite then read through a mapping [i915]',
    'hostile/huge-read.uapi: reading 2 GiB at address 0 [generic]',
    'hostile/huge-read.uapi: reading 2 GiB at address 0 [i915]',
    'hostile/wide-arguments.uapi: a device number past 32 bits names no device [generic]',
    'hostile/wide-arguments.uapi: device 0xffffffff names no device [generic]',
    'hostile/shifts.uapi: shifting by 64 [i915]',
]
// test name -> what its message must contain
def failures = [
    'hostile/runtime-repeat.uapi: a 2 GiB string from an object\'s size [i915]': 'hostile/runtime-repeat.uapi:9:5',
]
def errors = [
    'hostile/repeat-overflow.uapi': 'hostile/repeat-overflow.uapi:7:',
    'hostile/repeat-wrap.uapi'    : 'hostile/repeat-wrap.uapi:7:',
    'hostile/nested-loops.uapi'   : 'hostile/nested-loops.uapi:',
    'hostile/lone-cr.uapi'        : 'hostile/lone-cr.uapi:5:20: error: unknown errno \'EBOGUS\'',
]
int total = passing.size() + failures.size() + errors.size()

String summary = "Tests run: ${total}, Failures: ${failures.size()}, Errors: ${errors.size()}, Skipped: 0"
def counts = (text =~ /(?m)^\[\w+\] Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+.*$/).collect { it }
if (counts.isEmpty() || !counts.last().endsWith(summary)) {
    fail("expected the closing summary '${summary}', got '${counts ? counts.last() : 'none'}'")
}
if (text.contains('OutOfMemoryError') || text =~ /(?m)^\[\w+\]\s+Run \d+:/) {
    fail('the run ran out of memory or merged tests')
}

def suite = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-hostile.HostileSuite.xml'))
def byName = suite.testcase.collectEntries { [(it.@name.text()): it] }
if (byName.size() != total || byName.keySet() != (passing + failures.keySet() + errors.keySet()).toSet()) {
    fail("test cases: ${byName.keySet().sort()}")
}
passing.each { name ->
    if (!byName[name].failure.isEmpty() || !byName[name].error.isEmpty()) {
        fail("'${name}' did not pass")
    }
}
def check = { Map expected, String kind ->
    expected.each { name, where ->
        def result = byName[name]."${kind}"
        if (result.isEmpty()) {
            fail("'${name}' has no ${kind}")
        }
        String message = result.@message.text()
        if (!message.contains(where)) {
            fail("the ${kind} of '${name}' does not say '${where}': ${message}")
        }
        // Bad input is a diagnostic or a step failure, never a Java exception's text.
        if (message =~ /\w+(Exception|Error):/) {
            fail("the ${kind} of '${name}' reads like a Java exception: ${message}")
        }
    }
}
check(failures, 'failure')
check(errors, 'error')
return true
