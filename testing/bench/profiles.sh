#!/usr/bin/env bash
# The learned-profile evaluation, longer than CI's: learning for up to two thirds of MINUTES with thresholds nearer
# production's, then a benign run in protect mode (the held-out traffic mix) and the scripted attacks. Prints the
# harness's report (time to convergence per image, false alerts, false blocks, each attack's expected and recorded
# evidence).
# With --production the thresholds are the policy's defaults (interval 1m, missingMass 0.02, minSpan 2h,
# quietPeriod 1h, minIntervals 60; only promoteTo is protect, so that attacks are blocked): learning for up to
# MINUTES less 45 (at least 150 minutes), then a 30-minute benign run. Plan on four hours or more.
# Usage: testing/bench/profiles.sh [--production] [MINUTES]   (default 90, or 240 with --production; needs dockerd
#        and the service images)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
thresholds=ci-like
if [ "${1:-}" = --production ]; then thresholds=production; shift; fi
minutes=${1:-$([ "$thresholds" = production ] && echo 240 || echo 90)}
[[ $minutes =~ ^[0-9]+$ ]] || { echo "usage: $0 [--production] [MINUTES]" >&2; exit 2; }
testing/images/build.sh services alpine-tag
export TESTCONTAINERS_RYUK_DISABLED=true
./mvnw -q -o install -DskipTests -pl policy-engine,scanner,agent -am
./mvnw -o test -pl agent -Dtest=LearnedProfileEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbulwark.evaluation.minutes="$minutes" -Dbulwark.evaluation.thresholds="$thresholds" | sed -n '/== Bulwark learned-profile evaluation ==/,/^attacks:/p'
