#!/usr/bin/env bash
# Fault injection: restarts the Docker engine under a running agent (`bulwark agent run`), then checks that the agent
# reconnects by itself and still stops a shell in a protected container started after the restart. Prints how long
# /health said "not connected", and how long from the exec to the stop. For a dockerd started by hand or by .ci/run
# (not under systemd); every container on the host stops with the engine. Needs root, dockerd and the test images.
# Usage: testing/faults/dockerd-restart.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
[ "$(id -u)" = 0 ] || { echo "dockerd-restart: needs root (it restarts dockerd)" >&2; exit 2; }
pgrep -x dockerd >/dev/null || { echo "dockerd-restart: no dockerd runs here" >&2; exit 2; }
pgrep -x systemd >/dev/null && systemctl is-active --quiet docker 2>/dev/null \
  && { echo "dockerd-restart: dockerd runs under systemd; use systemctl restart docker instead" >&2; exit 2; }

work=$(mktemp -d)
port=19464
agent=
container=bulwark-fault-dockerd-$$
cleanup() {
  if [ -n "$agent" ]; then kill "$agent" 2>/dev/null || true; wait "$agent" 2>/dev/null || true; fi
  docker rm -f "$container" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
ms() { date +%s%3N; }
health() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" 2>/dev/null || true; }
wait_for() { # SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2; shift 2
  for _ in $(seq 1 $((limit * 10))); do "$@" && return 0; sleep 0.1; done
  echo "dockerd-restart: FAILED: $what within ${limit}s" >&2
  echo "--- agent log ---" >&2; tail -n 30 "$work/agent.log" >&2 || true
  exit 1
}
healthy() { [ "$(health)" = 200 ]; }
unhealthy() { [ "$(health)" = 503 ]; }
engine_up() { docker info >/dev/null 2>&1; }
engine_down() { ! pgrep -x dockerd >/dev/null; }
stopped() { [ "$(docker inspect -f '{{.State.Running}}' "$container" 2>/dev/null)" = false ]; }

cat > "$work/policy.yaml" <<'POLICY'
apiVersion: bulwark.dev/v1
kind: Policy
metadata: {name: dockerd-restart}
stages: [{name: production}]
runtime:
  defaultMode: protect
  rules: {deniedExecutables: ['**/sh']}
  responses: [alert, stop]
POLICY
printf 'policy: policy.yaml\nstateDir: state\nmetricsPort: %s\nprevention: false\n' "$port" > "$work/agent.yaml"

./bulwark --version > /dev/null   # builds the CLI jar when the sources changed
# Java itself in the background, so that the cleanup's kill reaches the agent and not a launcher in front of it.
java -XX:-UsePerfData -jar cli/target/bulwark.jar agent run --config "$work/agent.yaml" > "$work/agent.log" 2>&1 &
agent=$!
wait_for 60 "the agent answered /health with 200" healthy

dockerd_log=/tmp/bulwark-ci-dockerd.log
pkill -TERM -x dockerd
wait_for 60 "dockerd stopped" engine_down
down=$(ms)
wait_for 30 "the agent saw the engine go (/health 503)" unhealthy
nohup dockerd >> "$dockerd_log" 2>&1 &
wait_for 60 "dockerd answered again" engine_up
wait_for 60 "the agent reconnected (/health 200 again)" healthy
back=$(ms)

docker run -d --name "$container" --network none bulwark-test/busybox:latest sleep 300 >/dev/null
id=$(docker inspect -f '{{.Id}}' "$container")
sleep 1   # inside the five seconds in which the engine's gap softens the containers that were running through it
exec_at=$(ms)
docker exec "$container" /bin/sh -c true || true
wait_for 30 "the shell's container was stopped by the agent" stopped
done_at=$(ms)
grep "$id" "$work/state/audit.jsonl" | grep '"decision":"block"' | grep -q '"response":"stop"' \
  || { echo "dockerd-restart: FAILED: the audit log has no block with a stop on $container" >&2; exit 1; }
printf '[fault] dockerd restarted under the agent: engine down to agent healthy again %d ms; exec to stop %d ms\n' \
  "$((back - down))" "$((done_at - exec_at))"
