#!/usr/bin/env bash
# Benchmark: naming Java archives without pom.properties. Every jar with one pom.properties under JARS_DIR is
# stripped of it and named as a scan would (own file name and renamed app.jar; own evidence, then with the
# corpus's Maven advisories as the database); prints exact / no group / wrong / unnamed counts and the wrong ones.
# Usage: testing/bench/jars.sh [JARS_DIR [CORPORA_DIR]]   (default: ~/.m2/repository, ../shared/corpora)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
jars=$(cd "${1:-$HOME/.m2/repository}" && pwd)
corpora=$(cd "${2:-../shared/corpora}" && pwd)
./mvnw -q -B install -DskipTests -pl scanner -am
./mvnw -q -B -pl scanner exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bulwark.scanner.bench.JarIdentificationBenchmark \
  -Dexec.args="$jars $corpora"
