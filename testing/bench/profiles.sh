#!/usr/bin/env bash
# The learned-profile evaluation, longer than CI's: learning for up to two thirds of MINUTES with thresholds nearer
# production's, then a benign run in protect mode and the scripted attacks. Prints the harness's report
# (time to convergence per image, false alerts, false blocks, attacks detected and blocked).
# Usage: testing/bench/profiles.sh [MINUTES]   (default 90, at least 20; needs dockerd and the service images)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
minutes=${1:-90}
[[ $minutes =~ ^[0-9]+$ ]] || { echo "usage: $0 [MINUTES]" >&2; exit 2; }
testing/images/build.sh services alpine-tag
export TESTCONTAINERS_RYUK_DISABLED=true
./mvnw -q -o install -DskipTests -pl policy-engine,scanner,agent -am
./mvnw -o test -pl agent -Dtest=LearnedProfileEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbulwark.evaluation.minutes="$minutes" | sed -n '/== Bulwark learned-profile evaluation ==/,/^attacks:/p'
