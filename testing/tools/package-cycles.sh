#!/usr/bin/env bash
# Prints the package cycles in each module's built jar, as jdeps sees them: an independent check of what
# e2e's ArchitectureTest enforces. Packages are folded into their first level under the module
# (dev.bulwark.scanner.analyzer.dpkg counts as scanner.analyzer; classes in dev.bulwark.notify are "(root)").
# Usage: ./mvnw -q package -DskipTests && testing/tools/package-cycles.sh   (exit 1 when any module has a cycle)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
command -v jdeps >/dev/null || { echo "jdeps (from the JDK) is not on PATH" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed to find the cycles" >&2; exit 2; }
status=0
for pair in policy-engine:policy store:store scanner:scanner notify:notify cli:cli agent:agent; do
  module=${pair%%:*} base=dev.bulwark.${pair##*:}
  jar=$(ls "$module"/target/bulwark-"$module"-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1 || true)
  [ -n "$jar" ] || { echo "$module: no jar in $module/target: build it first (./mvnw -q package -DskipTests)" >&2; exit 2; }
  jdeps -verbose:package -filter:none "$jar" | python3 -c '
import re, sys
base = sys.argv[1]
def fold(package):
    if package != base and not package.startswith(base + "."):
        return None
    rest = package[len(base):].lstrip(".")
    return rest.split(".")[0] if rest else "(root)"
edges = {}
for line in sys.stdin:
    m = re.match(r"\s+(\S+)\s+->\s+(\S+)", line)
    if m:
        a, b = fold(m.group(1)), fold(m.group(2))
        if a and b and a != b:
            edges.setdefault(a, set()).add(b)
index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop(); on.discard(w); component.append(w)
            if w == v:
                break
        if len(component) > 1:
            found.append(sorted(component))
for v in list(edges):
    if v not in index:
        visit(v)
print(base + ": " + ("no package cycles" if not found else "cycles " + "; ".join(" <-> ".join(c) for c in found)))
sys.exit(1 if found else 0)
' "$base" || status=1
done
exit $status
