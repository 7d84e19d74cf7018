#!/usr/bin/env bash
# Drives benign traffic for about SECONDS seconds from the client container against every service
# (HTTP GETs to nginx and each web replica incl. /api/time, redis SET/GET/INCR, postgres CREATE TABLE IF
# NOT EXISTS/INSERT/SELECT), and along the way does what operators do: nginx log rotation (USR1), one
# restart of redis, postgres log rotation (pg_rotate_logfile()), and scaling web 3 -> 1 -> 3 (replicas 2
# and 3 stopped and removed, then run anew with the same labels). Ends when every service is healthy
# again (at most 90 s more) and prints a one-line summary.
# MIX `learn` (the default) is the traffic profiles are learned under; `test` is held out from learning: other
# endpoints and queries at another rate, and the operator events at other moments (postgres log rotation at 10 %,
# web scaled 3 -> 2 at 30 %, nginx USR1 at 45 %, redis restarted at 60 %, web back to 3 at 80 %).
# Usage: testing/harness/benign.sh SECONDS [learn|test]   (HARNESS_PREFIX as for services.sh)
set -euo pipefail
usage() { echo "usage: $(basename "$0") SECONDS [learn|test]   (SECONDS: 10..3600)" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] && [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge 10 ] && [ "$1" -le 3600 ] || usage
duration=$1
mix=${2:-learn}
[ "$mix" = learn ] || [ "$mix" = test ] || usage
# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
running "$CLIENT" || die "the client container $CLIENT is not running: run services.sh up first"

# The traffic loop, run inside the client (user postgres; curl, redis-cli, psql). Bounded by time and count.
traffic='
set -u
p=$1; duration=$2; mix=$3
end=$((SECONDS + duration)); i=0
declare -A ok=() fail=()
for s in nginx web redis postgres; do ok[$s]=0; fail[$s]=0; done
req() { local s=$1; shift; if timeout 5 "$@" >/dev/null 2>&1; then ok[$s]=$((ok[$s] + 1)); else fail[$s]=$((fail[$s] + 1)); fi; }
export PGCONNECT_TIMEOUT=3
while [ $SECONDS -lt $end ] && [ $i -lt 100000 ] && [ "$mix" = test ]; do
  i=$((i + 1))
  req nginx curl -fsS -m 3 -o /dev/null -H "Accept-Encoding: gzip" "http://${p}nginx/index.html"
  req nginx curl -sS -m 3 -o /dev/null "http://${p}nginx/missing-$i"
  for r in 1 2 3; do
    req web curl -fsS -m 3 -o /dev/null "http://${p}web-$r:8000/api/status"
    req web curl -fsS -m 3 -o /dev/null "http://${p}web-$r:8000/health"
    if [ $((i % 3)) -eq 0 ]; then req web curl -fsS -m 3 -o /dev/null "http://${p}web-$r:8000/api/time"; fi
  done
  req redis redis-cli -h "${p}redis" LPUSH "harness:events" "event-$i"
  req redis redis-cli -h "${p}redis" LTRIM "harness:events" 0 99
  req redis redis-cli -h "${p}redis" LRANGE "harness:events" 0 9
  req redis redis-cli -h "${p}redis" EXPIRE "harness:events" 3600
  req postgres psql -h "${p}postgres" -U postgres -qAtX -v ON_ERROR_STOP=1 \
    -c "CREATE TABLE IF NOT EXISTS visits (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), n int)" \
    -c "UPDATE visits SET n = n + 1 WHERE id = (SELECT max(id) FROM visits)" \
    -c "SELECT n, at FROM visits ORDER BY id DESC LIMIT 5" \
    -c "DELETE FROM visits WHERE at < now() - interval '"'"'1 hour'"'"'"
  sleep 0.3
done
while [ $SECONDS -lt $end ] && [ $i -lt 100000 ] && [ "$mix" = learn ]; do
  i=$((i + 1))
  req nginx curl -fsS -m 3 -o /dev/null "http://${p}nginx/"
  req nginx curl -fsS -m 3 -o /dev/null "http://${p}nginx/index.html"
  for r in 1 2 3; do
    req web curl -fsS -m 3 -o /dev/null "http://${p}web-$r:8000/"
    req web curl -fsS -m 3 -o /dev/null "http://${p}web-$r:8000/api/time"
  done
  req redis redis-cli -h "${p}redis" SET "harness:last" "$i"
  req redis redis-cli -h "${p}redis" GET "harness:last"
  req redis redis-cli -h "${p}redis" INCR "harness:hits"
  req postgres psql -h "${p}postgres" -U postgres -qAtX -v ON_ERROR_STOP=1 \
    -c "CREATE TABLE IF NOT EXISTS visits (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), n int)" \
    -c "INSERT INTO visits (n) VALUES ($i)" \
    -c "SELECT count(*) FROM visits"
  sleep 0.5
done
printf "rounds=%d" "$i"
for s in nginx web redis postgres; do printf " %s=%d/%d" "$s" "${ok[$s]}" "$((ok[$s] + fail[$s]))"; done
echo
'

out=$(mktemp /tmp/harness-benign.XXXXXX)
trap 'rm -f "$out"' EXIT
start=$SECONDS
timeout $((duration + 60)) docker exec "$CLIENT" bash -c "$traffic" traffic "$P" "$duration" "$mix" > "$out" 2>&1 &
loop=$!

# Sleeps until PERCENT of the run has passed.
at() { local t=$((start + duration * $1 / 100 - SECONDS)); [ $t -le 0 ] || sleep "$t"; }
events=()
event() { events+=("$1"); }

if [ "$mix" = learn ]; then
at 15
d kill -s USR1 "${P}nginx" >/dev/null && event "nginx USR1" || event "nginx USR1 failed"
at 25
d restart -t 10 "${P}redis" >/dev/null && event "redis restarted" || event "redis restart failed"
at 40
client 15 psql -h "${P}postgres" -U postgres -qAtX -c 'SELECT pg_rotate_logfile()' >/dev/null \
  && event "postgres pg_rotate_logfile()" || event "postgres pg_rotate_logfile() failed"
at 50
if d stop -t 10 "${P}web-2" "${P}web-3" >/dev/null && d rm -v "${P}web-2" "${P}web-3" >/dev/null; then
  event "web scaled 3->1"
else
  event "web scale-down failed"
fi
at 70
if run_web 2 && run_web 3; then event "web scaled 1->3"; else event "web scale-up failed"; fi

else
at 10
client 15 psql -h "${P}postgres" -U postgres -qAtX -c 'SELECT pg_rotate_logfile()' >/dev/null \
  && event "postgres pg_rotate_logfile()" || event "postgres pg_rotate_logfile() failed"
at 30
if d stop -t 10 "${P}web-3" >/dev/null && d rm -v "${P}web-3" >/dev/null; then
  event "web scaled 3->2"
else
  event "web scale-down failed"
fi
at 45
d kill -s USR1 "${P}nginx" >/dev/null && event "nginx USR1" || event "nginx USR1 failed"
at 60
d restart -t 10 "${P}redis" >/dev/null && event "redis restarted" || event "redis restart failed"
at 80
if run_web 3; then event "web scaled 2->3"; else event "web scale-up failed"; fi
fi

wait "$loop" || true
counts=$(tail -n 1 "$out")
[[ $counts == rounds=* ]] || { cat "$out" >&2; die "the traffic loop in $CLIENT failed"; }
if pending=$(wait_healthy 90 "${SERVICES[@]}"); then
  healthy="all healthy"
else
  healthy="not healthy: $(echo $pending)"
fi
total=0
for part in $counts; do
  case $part in rounds=*) ;; *) n=${part#*/}; total=$((total + n)) ;; esac
done
echo "benign ($mix mix): $((SECONDS - start))s, $total requests ($counts ok/total); events: $(IFS=,; echo "${events[*]}" | sed 's/,/, /g'); $healthy"
