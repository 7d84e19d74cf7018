#!/usr/bin/env bash
# Benchmark: bulwark posture refresh of 1,000 stored inventories of 500 packages against 500,000 generated advisories,
# in an SQLite file and (when Debian's postgresql package is installed) in PostgreSQL. Goal: under 10 s.
# Runs with the parallel collector, as the bulwark launcher runs bulwark posture.
# Usage: testing/bench/posture.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -q -B install -DskipTests -pl gate -am
MAVEN_OPTS="${MAVEN_OPTS:-} -XX:+UseParallelGC" ./mvnw -q -B -pl gate exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bulwark.gate.posture.PostureBenchmark
