#!/usr/bin/env bash
# Prints, per kernel, how many conformance-suite tests ran on it and how they ended, read from the
# Surefire XML reports the given folders hold (default: specs/target/surefire-reports). A kernel run
# is named "[<profile> on Linux <version> (<release>)]"; tests of the model are counted as "model".
# Exits 1 when a report has a failed or broken kernel test, 2 when no kernel test ran at all.
set -euo pipefail
cd "$(dirname "$0")/../.."
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(specs/target/surefire-reports)
files=()
for dir in "${dirs[@]}"; do
    for f in "$dir"/TEST-*.xml; do
        [ -e "$f" ] && files+=("$f")
    done
done
[ ${#files[@]} -gt 0 ] || { echo "kernel-results: no Surefire reports in ${dirs[*]}" >&2; exit 2; }
awk '
    function finish() {
        if (name == "") return
        target = "model"
        if (match(name, / on Linux [^]]*\]$/)) target = substr(name, RSTART + 4, RLENGTH - 5)
        total[target]++; ended[target, status]++
        if (!(target in seen)) { seen[target] = 1; order[++n] = target }
        name = ""
    }
    /<testcase / {
        finish()
        line = ""
        if (match($0, /<testcase name="[^"]*"/)) line = substr($0, RSTART + 16, RLENGTH - 17)
        gsub(/&quot;/, "\"", line); gsub(/&apos;/, "'\''", line); gsub(/&lt;/, "<", line); gsub(/&gt;/, ">", line)
        gsub(/&amp;/, "\\&", line)
        name = line; status = "passed"
        if ($0 ~ /\/>[[:space:]]*$/) finish()
        next
    }
    name != "" && /<failure/ { status = "failed" }
    name != "" && /<error/ { status = "broken" }
    name != "" && /<skipped/ { status = "skipped" }
    name != "" && /<\/testcase>/ { finish() }
    END {
        finish()
        bad = 0; kernels = 0
        for (i = 1; i <= n; i++) {
            t = order[i]
            printf "%-45s %5d tests: %d passed, %d failed, %d broken, %d skipped\n", t, total[t], \
                ended[t, "passed"], ended[t, "failed"], ended[t, "broken"], ended[t, "skipped"]
            if (t != "model") { kernels++; bad += ended[t, "failed"] + ended[t, "broken"] }
        }
        if (kernels == 0) { print "kernel-results: no test ran on a kernel"; exit 2 }
        exit bad > 0 ? 1 : 0
    }
' "${files[@]}"
