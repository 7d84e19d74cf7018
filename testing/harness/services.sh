#!/usr/bin/env bash
# Starts or removes the harness's services on the docker network bulwark-harness: nginx, redis, postgres,
# a batch job and three replicas of the Python web app, plus a client and an attacker peer that carry
# bulwark.mode=off. Nothing is published to the host: traffic comes from the client on the same network.
# Usage: testing/harness/services.sh up|down|status [PREFIX] | recreate NAME   (PREFIX of container names, default h-)
set -euo pipefail
usage() { echo "usage: $(basename "$0") up|down|status [PREFIX] | recreate NAME   (PREFIX of container names, default h-)" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
action=$1
target=
if [ "$action" = recreate ]; then
  [ $# -eq 2 ] || usage
  target=$2
elif [ $# -eq 2 ]; then
  export HARNESS_PREFIX=$2
fi
# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
UP_LIMIT=${HARNESS_UP_LIMIT:-90}

down() {
  local ids
  ids=$(d ps -aq --filter "label=com.docker.compose.project=$PROJECT")
  # shellcheck disable=SC2086
  [ -z "$ids" ] || d rm -f -v $ids >/dev/null
  for name in "${SERVICES[@]}" "${HELPERS[@]}"; do
    d rm -f -v "$name" >/dev/null 2>&1 || true
  done
  d network rm "$NET" >/dev/null 2>&1 || true
}

up() {
  local image
  for image in svc-nginx svc-redis svc-postgres svc-pyweb svc-batch; do
    d image inspect "$IMAGES/$image:latest" >/dev/null 2>&1 \
      || die "image $IMAGES/$image:latest is missing: build it with testing/images/build.sh services"
  done
  down
  d network create --label "com.docker.compose.project=$PROJECT" "$NET" >/dev/null
  run_service nginx 1 "${P}nginx" svc-nginx
  run_service redis 1 "${P}redis" svc-redis
  run_service postgres 1 "${P}postgres" svc-postgres
  run_service batch 1 "${P}batch" svc-batch
  for n in 1 2 3; do run_web "$n"; done
  # The harness's own: a client with curl, psql and redis-cli, and a peer listening on TCP $PEER_PORT.
  run_service client 1 "$CLIENT" svc-postgres --label bulwark.mode=off --no-healthcheck -- sleep infinity
  run_service peer 1 "$PEER" svc-pyweb --label bulwark.mode=off --no-healthcheck -- python3 -u /srv/peer.py "$PEER_PORT"
  local pending
  if ! pending=$(wait_healthy "$UP_LIMIT" "${SERVICES[@]}" "${HELPERS[@]}"); then
    status
    die "not healthy after ${UP_LIMIT}s: $(echo $pending)"
  fi
  status
}

# Removes one service container and runs a fresh one in its place (same name, labels and network), then waits
# until it is healthy: a victim of an attack starts clean for the next one.
recreate() {
  local name=$1
  d rm -f -v "$name" >/dev/null 2>&1 || true
  case $name in
    "${P}web-"[0-9]*) run_web "${name#"${P}web-"}" ;;
    "${P}nginx") run_service nginx 1 "$name" svc-nginx ;;
    "${P}redis") run_service redis 1 "$name" svc-redis ;;
    "${P}postgres") run_service postgres 1 "$name" svc-postgres ;;
    "${P}batch") run_service batch 1 "$name" svc-batch ;;
    *) die "cannot recreate '$name': name one of ${SERVICES[*]}" ;;
  esac
  local pending
  if ! pending=$(wait_healthy "$UP_LIMIT" "$name"); then
    die "$name not healthy after ${UP_LIMIT}s after recreating it"
  fi
  echo "recreated $name"
}

# One line per container: name, health, IP on the harness network, short ID, compose service, mode label.
status() {
  local name
  for name in "${SERVICES[@]}" "${HELPERS[@]}"; do
    d inspect -f "{{.Name}} {{with index .State \"Health\"}}{{.Status}}{{else}}{{$.State.Status}}{{end}} {{with index .NetworkSettings.Networks \"$NET\"}}{{.IPAddress}}{{end}} {{printf \"%.12s\" .Id}} service={{index .Config.Labels \"com.docker.compose.service\"}} {{with index .Config.Labels \"bulwark.mode\"}}bulwark.mode={{.}}{{end}}" "$name" 2>/dev/null \
      | sed -e 's|^/||' -e 's| *$||' || echo "$name missing"
  done
}

case $action in
  up) up ;;
  down) down; echo "removed the harness containers and network $NET" ;;
  status) status ;;
  recreate) recreate "$target" ;;
  *) usage ;;
esac
