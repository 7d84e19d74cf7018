#!/usr/bin/env bash
# Benchmark: what admission control (the agent as Docker's authorization plugin) adds to each Docker API call,
# p50/p99, with the plugin off and on: a list call (passed through) and a container create (judged).
# It starts a second dockerd in a network namespace of its own, so the machine's engine is not disturbed.
# Needs root, dockerd, iproute2 and the test images (testing/images/build.sh).
# Usage: testing/bench/admission.sh [CALLS]     (default 500 calls of each kind per setting)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -q -B install -DskipTests -pl agent -am
./mvnw -q -B -pl agent exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bulwark.agent.admission.AdmissionLatencyBenchmark \
  -Dexec.args="${1:-500}"
