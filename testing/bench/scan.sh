#!/usr/bin/env bash
# Benchmark: scan time of a test image, cold and warm, next to one tar -x of its docker save archive.
# Usage: testing/bench/scan.sh [IMAGE] [ROUNDS]     (default: bulwark-test/debian-pkgs:latest, 7)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -q -B install -DskipTests -pl scanner -am
./mvnw -q -B -pl scanner exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bulwark.scanner.bench.ScanBenchmark \
  -Dexec.args="${1:-bulwark-test/debian-pkgs:latest} ${2:-7}"
