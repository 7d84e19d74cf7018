# shellcheck shell=bash disable=SC2034
# Shared by services.sh, benign.sh and attack.sh: names, labels and bounded docker helpers.
# Sourced, not run. HARNESS_PREFIX (default h-) prefixes every container name; with the default the
# network is bulwark-harness and the compose project is harness, with another prefix P- they are
# bulwark-harness-P and harness-P, so that two harnesses can run side by side.

P=${HARNESS_PREFIX:-h-}
case $P in
  h-) NET=bulwark-harness; PROJECT=harness ;;
  *)  NET=bulwark-harness-${P%-}; PROJECT=harness-${P%-} ;;
esac
IMAGES=${HARNESS_IMAGES:-bulwark-test}
# The service containers that have healthchecks, and the harness's own two that the agent leaves alone.
SERVICES=("${P}nginx" "${P}redis" "${P}postgres" "${P}batch" "${P}web-1" "${P}web-2" "${P}web-3")
HELPERS=("${P}client" "${P}peer")
CLIENT=${P}client
PEER=${P}peer
PEER_PORT=4444

say() { printf '%s\n' "$*"; }
die() { printf '%s: error: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# docker with a time limit (seconds, default 30), so that no step of the harness can hang.
d() { timeout "${DOCKER_TIMEOUT:-30}" docker "$@"; }

running() { [ "$(d inspect -f '{{.State.Running}}' "$1" 2>/dev/null || true)" = true ]; }
health() { d inspect -f '{{with index .State "Health"}}{{.Status}}{{else}}{{$.State.Status}}{{end}}' "$1" 2>/dev/null || echo missing; }

# A command in the client container (labelled bulwark.mode=off), with a time limit in seconds.
client() {
  local limit=$1; shift
  timeout "$limit" docker exec "$CLIENT" "$@"
}

# The compose-style labels of service SERVICE, replica NUMBER.
compose_labels() {
  printf -- '--label\0com.docker.compose.project=%s\0--label\0com.docker.compose.service=%s\0' "$PROJECT" "$1"
  printf -- '--label\0com.docker.compose.container-number=%s\0--label\0com.docker.compose.oneoff=False\0' "$2"
}

# docker run -d of service SERVICE replica NUMBER, named NAME, from IMAGE; then docker run options,
# and after -- the command.
run_service() {
  local service=$1 number=$2 name=$3 image=$4; shift 4
  local labels=() options=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
  [ $# -eq 0 ] || shift
  mapfile -d '' labels < <(compose_labels "$service" "$number")
  d run -d --name "$name" --hostname "$name" --network "$NET" --network-alias "$service" \
    "${labels[@]}" "${options[@]}" "$IMAGES/$image:latest" "$@" >/dev/null
}

run_web() { run_service web "$1" "${P}web-$1" svc-pyweb; }

# Waits until every named container is healthy (or, without a healthcheck, running); at most LIMIT seconds.
wait_healthy() {
  local limit=$1; shift
  local deadline=$((SECONDS + limit)) name pending
  while :; do
    pending=()
    for name in "$@"; do
      case $(health "$name") in healthy|running) ;; *) pending+=("$name") ;; esac
    done
    [ ${#pending[@]} -eq 0 ] && return 0
    [ $SECONDS -ge $deadline ] && { printf '%s\n' "${pending[@]}"; return 1; }
    sleep 1
  done
}
