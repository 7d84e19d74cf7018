#!/usr/bin/env bash
# Installs Bulwark on this host: the CLI jar in /usr/local/lib/bulwark, the bulwark command in /usr/local/bin (where
# the systemd units expect it), the units in /etc/systemd/system, the README in /usr/share/doc/bulwark, and an agent
# configuration in /etc/bulwark/agent.yaml when there is none. Existing files are replaced whole (written beside,
# then renamed), except the configuration, which is never overwritten. Needs Java 17 or later on the PATH.
# Usage: packaging/install.sh [--root DIR]     (DIR: install under DIR instead of /, for packages and tests)
# Build first: ./mvnw -DskipTests package
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=/
if [ $# -gt 0 ]; then
  [ "$1" = --root ] && [ $# -eq 2 ] || { echo "usage: $0 [--root DIR]" >&2; exit 2; }
  root=$2
fi
jar=cli/target/bulwark.jar
[ -f "$jar" ] || { echo "install: $jar is missing: build it first with ./mvnw -DskipTests package" >&2; exit 1; }

# put SOURCE DEST MODE: writes DEST beside itself, then renames it over DEST.
put() {
  local dest=$root/$2
  mkdir -p "$(dirname "$dest")"
  install -m "$3" "$1" "$dest.new"
  mv -f "$dest.new" "$dest"
  echo "installed $2"
}

launcher=$(mktemp)
trap 'rm -f "$launcher"' EXIT
cat > "$launcher" <<'LAUNCHER'
#!/bin/sh
# The bulwark command, installed by packaging/install.sh.
# posture refresh and watch are throughput work over every stored image: the parallel collector suits them best.
case "${1:-}" in posture) gc=-XX:+UseParallelGC ;; *) gc= ;; esac
exec java $gc ${BULWARK_JAVA_OPTS:-} -jar /usr/local/lib/bulwark/bulwark.jar "$@"
LAUNCHER

put "$jar" usr/local/lib/bulwark/bulwark.jar 0644
put "$launcher" usr/local/bin/bulwark 0755
put packaging/systemd/bulwark-agent.service etc/systemd/system/bulwark-agent.service 0644
put packaging/systemd/bulwark-agent-admission.service etc/systemd/system/bulwark-agent-admission.service 0644
put README.md usr/share/doc/bulwark/README.md 0644
if [ -e "$root/etc/bulwark/agent.yaml" ]; then
  echo "kept etc/bulwark/agent.yaml (already there)"
else
  config=$(mktemp)
  printf '%s\n' '# The Bulwark agent (see /usr/share/doc/bulwark/README.md for every setting).' \
    'policy: /etc/bulwark/policy.yaml' 'stateDir: /var/lib/bulwark' > "$config"
  put "$config" etc/bulwark/agent.yaml 0644
  rm -f "$config"
fi
[ -e "$root/etc/bulwark/policy.yaml" ] || echo "next: write the policy to /etc/bulwark/policy.yaml, then systemctl daemon-reload && systemctl enable --now bulwark-agent"
