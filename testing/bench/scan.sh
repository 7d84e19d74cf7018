#!/usr/bin/env bash
# Benchmark: whole-process scan time of one image from each source, cold (empty layer cache) and warm (every
# layer cached), each next to its physical floor, as `bulwark sbom` runs in a CI step:
#   engine          docker save IMAGE | tar -x                (what reading the engine's image costs at least)
#   docker-archive  tar -x of the docker save archive
#   registry        skopeo copy of the image (gzip layers) to a directory, then gunzip of every layer
#   warm            the JVM's bare start, bulwark --version (a warm scan should be little more)
# Needs dockerd, docker-registry and skopeo (as .ci/run installs them). Prints medians of ROUNDS runs.
# Usage: testing/bench/scan.sh [IMAGE] [ROUNDS]     (default: bulwark-test/debian-pkgs:latest, 5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
image=${1:-bulwark-test/debian-pkgs:latest}
rounds=${2:-5}
for tool in docker skopeo docker-registry; do
  command -v "$tool" >/dev/null || { echo "scan.sh: $tool is missing (see .ci/run)" >&2; exit 2; }
done
./mvnw -q -B -DskipTests -pl cli -am package >&2
jar=$PWD/cli/target/bulwark.jar
work=$(mktemp -d /tmp/bulwark-bench.XXXXXX)
registry_pid=
cleanup() { [ -z "$registry_pid" ] || kill "$registry_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Milliseconds one command takes, its output discarded; the command must succeed.
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "scan.sh: failed: $*" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
rounds_of() { for _ in $(seq "$rounds"); do ms "$@"; done | median; }
bulwark() { java -jar "$jar" "$@"; }

fresh() { rm -rf "$work/$1" && mkdir -p "$work/$1"; }
floor_engine() { fresh x && docker save "$image" | tar -x -C "$work/x"; }
floor_archive() { fresh x && tar -xf "$work/image.tar" -C "$work/x"; }
floor_registry() {
  fresh d && rmdir "$work/d"
  skopeo copy --quiet --src-tls-verify=false "docker://$ref" "dir:$work/d"
  for blob in "$work"/d/*; do
    if gzip -t "$blob" 2>/dev/null; then gzip -dc "$blob" >/dev/null; fi
  done
}
cold() { fresh cache && bulwark sbom "$1" --cache-dir "$work/cache" -o "$work/sbom.txt"; }
warm() { bulwark sbom "$1" --cache-dir "$work/warm" -o "$work/sbom.txt"; }

docker save -o "$work/image.tar" "$image"
port=$(shuf -i 20000-60000 -n 1)
printf 'version: 0.1\nlog: {level: error}\nstorage: {filesystem: {rootdirectory: %s/registry}}\nhttp: {addr: 127.0.0.1:%s}\n' \
  "$work" "$port" > "$work/registry.yml"
docker-registry serve "$work/registry.yml" >/dev/null 2>&1 &
registry_pid=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
ref=127.0.0.1:$port/bench/image:1
skopeo copy --quiet --dest-tls-verify=false --dest-compress-format gzip "docker-daemon:$image" "docker://$ref"

start=$(rounds_of bulwark --version)
# Class-data sharing, as ./bulwark uses it: an archive of the classes a warm engine scan loads.
fresh warm && warm "$image" >/dev/null 2>&1
java -XX:ArchiveClassesAtExit="$work/bulwark.jsa" -Xlog:disable -jar "$jar" sbom "$image" --cache-dir "$work/warm" \
  -o "$work/sbom.txt" >/dev/null 2>&1
cds() { java -XX:SharedArchiveFile="$work/bulwark.jsa" -Xlog:disable -jar "$jar" "$@"; }
start_cds=$(rounds_of cds --version)
warm_cds=$(rounds_of cds sbom "$image" --cache-dir "$work/warm" -o "$work/sbom.txt")
printf 'image %s, docker save archive %s MiB, %s rounds (median), whole process\n' "$image" \
  "$(awk -v b="$(stat -c %s "$work/image.tar")" 'BEGIN {printf "%.1f", b / 1048576}')" "$rounds"
printf 'JVM start (bulwark --version): %6d ms; with class-data sharing %d ms, and a warm engine scan %d ms (%s x start)\n\n' \
  "$start" "$start_cds" "$warm_cds" "$(awk -v w="$warm_cds" -v j="$start" 'BEGIN {printf "%.2f", w / j}')"
printf '%-15s %9s %9s %9s %12s %12s\n' source floor cold warm 'cold/floor' 'warm/start'
for source in engine docker-archive registry; do
  case $source in
    engine) argument=$image; floor=floor_engine ;;
    docker-archive) argument=docker-archive:$work/image.tar; floor=floor_archive ;;
    registry) argument=registry:$ref; floor=floor_registry ;;
  esac
  floor_ms=$(rounds_of "$floor")
  cold_ms=$(rounds_of cold "$argument")
  fresh warm && warm "$argument" >/dev/null 2>&1
  warm_ms=$(rounds_of warm "$argument")
  awk -v s="$source" -v f="$floor_ms" -v c="$cold_ms" -v w="$warm_ms" -v j="$start" \
    'BEGIN {printf "%-15s %6d ms %6d ms %6d ms %12.2f %12.2f\n", s, f, c, w, c / f, w / j}'
done
