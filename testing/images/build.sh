#!/usr/bin/env bash
# Builds Bulwark's test images locally, never pulling from a registry.
# Each image is labelled with a hash of its inputs; when an image with that hash exists, it is reused.
# Usage: testing/images/build.sh [IMAGE…]   (default: all; names: busybox debian alpine-tag debian-pkgs java java-bare node go services)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
label=dev.bulwark.test-image.inputs
work=$(mktemp -d /tmp/bulwark-images.XXXXXX)
trap 'rm -rf "$work"' EXIT

say() { printf '[images] %s\n' "$*"; }
die() { printf '[images] error: %s\n' "$*" >&2; exit 1; }

command -v docker >/dev/null || die "docker is not installed: apt-get install -y docker.io"
docker info >/dev/null 2>&1 || die "the Docker engine does not answer: start dockerd (see .ci/run)"

# The hash of everything an image is made from: this script's recipe for it plus the named inputs.
inputs_hash() {
  { sed -n "/^build_$1()/,/^}/p" "$here/build.sh"; shift; for input in "$@"; do printf '%s\n' "$input"; done; } \
    | sha256sum | cut -c1-16
}

# Succeeds (and says so) when IMAGE already carries HASH.
cached() {
  local image=$1 hash=$2 have
  have=$(docker image inspect -f "{{ index .Config.Labels \"$label\" }}" "$image" 2>/dev/null || true)
  if [ "$have" = "$hash" ]; then
    say "reusing cached $image (inputs $hash)"
    return 0
  fi
  return 1
}

# The Debian mirror apt already uses on this machine, unless BULWARK_DEBIAN_MIRROR names another.
debian_mirror() {
  if [ -n "${BULWARK_DEBIAN_MIRROR:-}" ]; then echo "$BULWARK_DEBIAN_MIRROR"; return; fi
  local uri
  uri=$(awk '/^URIs:/ {u=$2} /^Suites:/ && / bookworm( |$)/ && u {print u; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1=="deb" && $3=="bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$uri" ] || die "no Debian bookworm mirror found in apt's sources; set BULWARK_DEBIAN_MIRROR"
  echo "$uri"
}

build_busybox() {
  local image=bulwark-test/busybox:latest busybox=/bin/busybox hash
  [ -x "$busybox" ] || busybox=/usr/bin/busybox
  [ -x "$busybox" ] || die "busybox is not installed: apt-get install -y busybox-static"
  file -L "$busybox" 2>/dev/null | grep -q 'statically linked' || ldd "$busybox" 2>&1 | grep -q 'not a dynamic' \
    || die "$busybox is not static: apt-get install -y busybox-static"
  hash=$(inputs_hash busybox "$(sha256sum < "$busybox")")
  cached "$image" "$hash" && return 0
  say "building $image from $busybox"
  local root=$work/busybox
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
  chmod 1777 "$root/tmp"
  tar -C "$root" --numeric-owner -c . | docker import \
    --change "LABEL $label=$hash" --change 'ENV PATH=/bin' --change 'CMD ["sh"]' - "$image" >/dev/null
  say "built $image (inputs $hash)"
}

build_debian() {
  local image=bulwark-test/debian:latest suite=bookworm mirror hash
  command -v debootstrap >/dev/null || die "debootstrap is not installed: apt-get install -y debootstrap"
  mirror=$(debian_mirror)
  hash=$(inputs_hash debian "$suite" minbase)
  cached "$image" "$hash" && return 0
  say "building $image: debootstrap --variant=minbase $suite from $mirror (about a minute)"
  local root=$work/debian
  debootstrap --variant=minbase "$suite" "$root" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" --numeric-owner -c . | docker import \
    --change "LABEL $label=$hash" --change 'CMD ["bash"]' - "$image" >/dev/null
  say "built $image (inputs $hash)"
}

# An image built from testing/images/NAME/Dockerfile on top of other test images; its hash covers the
# directory's files and the base images' IDs, so a rebuilt base rebuilds it too.
build_dockerfile() {
  local name=$1 image=bulwark-test/$1:latest dir=$here/$1 hash bases
  bases=$(awk '/^FROM/ {print $2}' "$dir/Dockerfile" | xargs -r -n1 docker image inspect -f '{{.Id}}')
  hash=$(inputs_hash dockerfile "$name" "$bases" "$(cd "$dir" && find . -type f ! -path './build/*' -print0 | sort -z | xargs -0 sha256sum)")
  cached "$image" "$hash" && return 0
  say "building $image from $dir"
  if [ -x "$dir/prepare.sh" ]; then
    "$dir/prepare.sh" "$dir/build" || die "preparing $image failed"
  fi
  docker build -q --label "$label=$hash" -t "$image" "$dir" >/dev/null || die "docker build of $image failed"
  say "built $image (inputs $hash)"
}

build_debian-pkgs() {
  build_debian
  build_dockerfile debian-pkgs
}

build_java() {
  build_busybox
  build_dockerfile java
}

build_java-bare() {
  build_busybox
  build_dockerfile java-bare
}

build_node() {
  build_busybox
  build_dockerfile node
}

build_go() {
  build_busybox
  build_dockerfile go
}

# Debian service images for the runtime-agent harness (testing/harness/): real packages, healthchecks.
build_services() {
  build_debian
  local name
  for name in svc-nginx svc-redis svc-postgres svc-pyweb svc-batch; do
    build_dockerfile "$name"
  done
}

# Testcontainers' start-up check runs 'alpine:3.17' (it needs sh and df); the busybox image has both.
build_alpine-tag() {
  build_busybox
  docker tag bulwark-test/busybox:latest alpine:3.17
  say "tagged bulwark-test/busybox:latest as alpine:3.17 for Testcontainers"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(busybox debian alpine-tag debian-pkgs java java-bare node go services)
for target in "${targets[@]}"; do
  declare -F "build_$target" >/dev/null || die "unknown image '$target': choose from busybox debian alpine-tag debian-pkgs java java-bare node go services"
  "build_$target"
done
