#!/bin/sh
# Rebuilds the Go binary fixtures from Debian's Go toolchain and Go library sources (no module proxy needed):
#   apt-get install -y golang-go golang-github-google-uuid-dev golang-github-pkg-errors-dev
# then run this script from its own directory.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp go.mod main.go "$work"
mkdir -p "$work/vendor/github.com/google" "$work/vendor/github.com/pkg"
cp -r /usr/share/gocode/src/github.com/google/uuid "$work/vendor/github.com/google/uuid"
cp -r /usr/share/gocode/src/github.com/pkg/errors "$work/vendor/github.com/pkg/errors"
cat > "$work/vendor/modules.txt" <<'TXT'
# github.com/google/uuid v1.3.0
## explicit
github.com/google/uuid
# github.com/pkg/errors v0.9.1 => github.com/bulwark-fixtures/errors v0.9.2
## explicit
github.com/pkg/errors
TXT
(cd "$work" && GOFLAGS=-mod=vendor GOPROXY=off GOOS=linux GOARCH=amd64 CGO_ENABLED=0 \
    go build -trimpath -ldflags='-s -w' -o hello-linux-amd64 .)
(cd "$work" && GOFLAGS=-mod=vendor GOPROXY=off GOOS=linux GOARCH=mips CGO_ENABLED=0 \
    go build -trimpath -ldflags='-s -w' -o hello-linux-mips .)
cp "$work/hello-linux-amd64" "$work/hello-linux-mips" ..
