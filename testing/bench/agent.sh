#!/usr/bin/env bash
# Benchmark: the runtime agent's exec -> action latency (process connector and /proc polling, p50/p99) and its
# CPU with 20 idle containers. Needs root and a running dockerd with the test images (testing/images/build.sh).
# Usage: testing/bench/agent.sh [TRIALS]     (default 200 per path)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -q -B install -DskipTests -pl agent -am
./mvnw -q -B -pl agent exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bulwark.agent.bench.AgentLatencyBenchmark \
  -Dexec.args="${1:-200}"
