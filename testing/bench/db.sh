#!/usr/bin/env bash
# Benchmark: vulnerability database ingest (next to a Jackson parse of the same files), matching 10,000
# packages against 500,000 generated advisories, and the database's open time.
# Usage: testing/bench/db.sh [CORPORA_DIR]     (default: ../shared/corpora beside the checkout)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
corpora=$(cd "${1:-../shared/corpora}" && pwd)
./mvnw -q -B install -DskipTests -pl scanner -am
./mvnw -q -B -pl scanner exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bulwark.scanner.bench.DbBenchmark \
  -Dexec.args="$corpora"
