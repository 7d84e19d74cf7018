#!/usr/bin/env bash
# Checks that the capabilities the systemd unit leaves the agent (its CapabilityBoundingSet, with NoNewPrivileges)
# are enough: runs `bulwark agent run` under setpriv with exactly that bounding set, then with each capability taken
# away in turn, and prints for each run the sensors the agent started, whether the exec guard was on, and what came of
# a shell exec'd into a protected container. Needs root, dockerd and the test images.
# Usage: testing/packaging/capabilities.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
[ "$(id -u)" = 0 ] || { echo "capabilities: needs root" >&2; exit 2; }
unit=packaging/systemd/bulwark-agent.service
caps=$(sed -n 's/^CapabilityBoundingSet=//p' "$unit")
[ -n "$caps" ] || { echo "capabilities: no CapabilityBoundingSet in $unit" >&2; exit 1; }
./bulwark --version > /dev/null   # builds the CLI jar when the sources changed
work=$(mktemp -d)
agent= container=
cleanup() {
  if [ -n "$agent" ]; then kill "$agent" 2>/dev/null || true; wait "$agent" 2>/dev/null || true; fi
  [ -z "$container" ] || docker rm -f "$container" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
cat > "$work/policy.yaml" <<'POLICY'
apiVersion: bulwark.dev/v1
kind: Policy
metadata: {name: capabilities}
stages: [{name: production}]
runtime:
  defaultMode: protect
  rules: {deniedExecutables: ['**/sh']}
  responses: [alert, stop]
POLICY

# run NAME CAPABILITIES...: one agent under that bounding set; prints one line.
run() {
  local name=$1; shift
  local set="-all" cap
  for cap in "$@"; do set+=",+$(tr 'A-Z' 'a-z' <<< "${cap#CAP_}")"; done
  rm -rf "$work/state"; printf 'policy: policy.yaml\nstateDir: state\nmetricsPort: 19466\n' > "$work/agent.yaml"
  setpriv --no-new-privs --bounding-set "$set" --inh-caps=-all \
    java -XX:-UsePerfData -jar cli/target/bulwark.jar agent run --config "$work/agent.yaml" > "$work/agent.log" 2>&1 &
  agent=$!
  local started=""
  for _ in $(seq 1 300); do
    started=$(grep -o '"message":"watching[^"]*' "$work/agent.log" | head -1 | cut -d'"' -f4 || true)
    [ -n "$started" ] || ! kill -0 "$agent" 2>/dev/null && break
    sleep 0.1
  done
  local outcome
  if [ -z "$started" ]; then
    outcome="the agent did not start: $(grep -o '"message":"[^"]*' "$work/agent.log" | tail -1 | cut -d'"' -f4; tail -n 2 "$work/agent.log" | cut -c1-200)"
  else
    # Not root inside: reading another user's /proc entries and files takes more than root's uid.
    container=$(docker run -d --user 1000:1000 --network none bulwark-test/busybox:latest sleep 300)
    sleep 2
    if docker exec "$container" /bin/sh -c true 2>/dev/null; then outcome="the shell ran"; else outcome="the shell was refused"; fi
    sleep 3
    [ "$(docker inspect -f '{{.State.Running}}' "$container")" = false ] && outcome+=", the container was stopped"
    outcome+="; audited: $(grep -c "$container" "$work/state/audit.jsonl" 2>/dev/null || echo 0) entries"
    docker rm -f "$container" >/dev/null; container=
  fi
  local warnings
  warnings=$(grep '"level":"warn"' "$work/agent.log" | grep -o '"message":"[^"]*' | cut -d'"' -f4 | cut -c1-140 | sort -u | paste -sd'|' || true)
  kill "$agent" 2>/dev/null || true; wait "$agent" 2>/dev/null || true; agent=
  printf '[caps] %-28s %s\n        started: %s\n        warnings: %s\n' "$name" "$outcome" "${started:-no}" "${warnings:-none}"
}

read -r -a all <<< "$caps"
run "the unit's set" "${all[@]}"
for drop in "${all[@]}"; do
  rest=()
  for cap in "${all[@]}"; do [ "$cap" = "$drop" ] || rest+=("$cap"); done
  run "without $drop" "${rest[@]}"
done
