#!/usr/bin/env bash
# Builds the Go test image's binary into $1 from Debian's Go toolchain and Go library sources (no module
# proxy): the dependency is vendored from /usr/share/gocode. Go's own `go version -m` lists what the binary
# was built with, which becomes the image's expected-packages.txt.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$1
command -v go >/dev/null || { echo "go is not installed: apt-get install -y golang-go golang-github-google-uuid-dev" >&2; exit 1; }
src=/usr/share/gocode/src/github.com/google/uuid
[ -d "$src" ] || { echo "$src is missing: apt-get install -y golang-github-google-uuid-dev" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/src/vendor/github.com/google" "$out/bin"
cp "$here/go.mod" "$here/main.go" "$out/src/"
cp -r "$src" "$out/src/vendor/github.com/google/uuid"
printf '# github.com/google/uuid v1.3.0\n## explicit\ngithub.com/google/uuid\n' > "$out/src/vendor/modules.txt"
(cd "$out/src" && GOFLAGS=-mod=vendor GOPROXY=off CGO_ENABLED=0 GOCACHE="$out/gocache" \
   go build -trimpath -o "$out/bin/goapp" .)
go version -m "$out/bin/goapp" | awk 'NR == 1 { v = $2; sub(/^go/, "v", v); print "stdlib " v } $1 == "dep" { print $2 " " $3 }' \
  > "$out/bin/expected-packages.txt"
rm -rf "$out/src" "$out/gocache"
