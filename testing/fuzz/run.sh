#!/usr/bin/env bash
# Fuzzes every parser target with Jazzer, ROUNDS times 5 seconds each (default 1: CI's short run). Each round goes
# on from the corpus the last one left in MODULE/.cifuzz-corpus, so 120 rounds are a ten-minute run per target.
# Prints, per target, the executions and the findings; exits 1 when any target found something (Jazzer saves the
# input that failed under MODULE/src/test/resources/.../<Class>Inputs/<method>/ so that the regression run, part of
# ./mvnw verify, repeats it from then on).
# Usage: testing/fuzz/run.sh [ROUNDS]   (needs the modules installed: ./mvnw install -DskipTests)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds=${1:-1}
[[ $rounds =~ ^[0-9]+$ ]] || { echo "usage: $0 [ROUNDS]" >&2; exit 2; }
targets=(
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#dpkgStatus
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#apkInstalled
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#pythonMetadata
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#npmPackageJson
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#npmPackageLock
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#yarnLock
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#javaArchive
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#rpmDatabase
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#goBinary
  scanner:dev.bulwark.scanner.analyzer.rpm.RpmHeaderFuzzTest#rpmHeader
  scanner:dev.bulwark.scanner.fuzz.AnalyzerFuzzTest#osRelease
  scanner:dev.bulwark.scanner.fuzz.LayerWalkFuzzTest#layerBlob
  scanner:dev.bulwark.scanner.db.OsvRecordFuzzTest#osvRecord
  policy-engine:dev.bulwark.policy.fuzz.PolicyFuzzTest#policyYaml
  policy-engine:dev.bulwark.policy.fuzz.PolicyFuzzTest#vexDocument
  agent:dev.bulwark.agent.admission.AuthzRequestFuzzTest#engineRequest
)
log=$(mktemp)
found=0
for target in "${targets[@]}"; do
  module=${target%%:*} test=${target#*:}
  executions=0 seconds=0 findings=0
  for ((round = 1; round <= rounds; round++)); do
    JAZZER_FUZZ=1 ./mvnw -o -B test -pl "$module" -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      > "$log" 2>&1
    status=$?
    runs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
    if [ -n "$runs" ]; then
      executions=$((executions + $(awk '{print $2}' <<< "$runs")))
      seconds=$((seconds + $(awk '{print $5}' <<< "$runs")))
    fi
    if [ $status -ne 0 ]; then
      findings=$((findings + 1))
      grep -E '== Java Exception|Exception|FAIL' "$log" | head -5 | sed "s|^|  $test: |"
      break
    fi
  done
  printf '[fuzz] %-75s %10d executions in %4d s, findings: %d\n' "$test" "$executions" "$seconds" "$findings"
  [ "$findings" -eq 0 ] || found=1
done
rm -f "$log"
exit $found
