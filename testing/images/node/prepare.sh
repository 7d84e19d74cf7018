#!/usr/bin/env bash
# Installs the Node test image's packages into $1/app with npm, and lists what npm installed (name version,
# one a line) in $1/app/expected-packages.txt for the inventory test.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$1
command -v npm >/dev/null || { echo "npm is not installed: apt-get install -y npm" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/app"
cp "$here/package.json" "$out/app/"
(cd "$out/app" && npm install --no-audit --no-fund --omit=dev --loglevel=error >/dev/null)
(cd "$out/app" && npm ls --all --parseable --long) | awk -F: 'NR > 1 && $2 != "" { n = split($2, a, "@"); v = a[n]; name = substr($2, 1, length($2) - length(v) - 1); print name " " v }' \
  | sort -u > "$out/app/expected-packages.txt"
[ -s "$out/app/expected-packages.txt" ] || { echo "npm listed no packages" >&2; exit 1; }
