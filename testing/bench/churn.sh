#!/usr/bin/env bash
# Benchmark: what the agent holds (threads, file descriptors, heap) before and after CYCLES containers are started,
# exec'd into and removed under it (default 1000, about 20 minutes). Needs dockerd and the test images.
# Usage: testing/bench/churn.sh [CYCLES]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cycles=${1:-1000}
[[ $cycles =~ ^[0-9]+$ ]] || { echo "usage: $0 [CYCLES]" >&2; exit 2; }
testing/images/build.sh busybox
./mvnw -q -B install -DskipTests -pl agent -am
./mvnw -q -B -pl agent dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -XX:-UsePerfData -Xmx512m -cp "agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)" \
  dev.bulwark.agent.bench.ChurnBenchmark "$cycles"
