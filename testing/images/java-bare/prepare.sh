#!/usr/bin/env bash
# Builds the files of bulwark-test/java-bare into $1 (the image's /app): real jars from Maven Central, the
# Maven-built ones with pom.properties stripped, two renamed, and an in-house jar with no version anywhere.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$1
work=$(mktemp -d /tmp/bulwark-java-bare.XXXXXX)
trap 'rm -rf "$work"' EXIT
rm -rf "$out" && mkdir -p "$out/lib" "$out/renamed"
"$root/mvnw" -q -B --no-transfer-progress -f "$here/pom.xml" \
  org.apache.maven.plugins:maven-dependency-plugin:3.7.0:copy-dependencies \
  -DexcludeTransitive=true -DoutputDirectory="$work/central"
never_had_one=(h2 tomcat-embed-core tomcat-embed-websocket spring-core spring-beans spring-webmvc spring-boot-starter-web
  kotlin-stdlib okhttp bcprov-jdk15on)
for jar in "$work"/central/*.jar; do
  base=$(basename "$jar")
  removed=$(java "$here/StripMavenMetadata.java" "$jar" "$out/lib/$base")
  for name in "${never_had_one[@]}"; do
    if [[ $base == "$name"-[0-9]* ]] && [ "$removed" != 0 ]; then
      echo "$base was expected never to have had Maven metadata, but $removed entries were stripped" >&2; exit 1
    fi
  done
done
# Renamed, as images often ship them: one named by its manifest's title, one only by its symbolic name.
cp "$out/lib/spring-webmvc-5.3.15.jar" "$out/renamed/webmvc.jar"
cp "$out/lib/snakeyaml-1.26.jar" "$out/renamed/yaml.jar"
mkdir -p "$work/classes"
javac -d "$work/classes" "$here/internal/com/example/internal/Tool.java"
jar --create --file "$out/lib/internal-tools.jar" -C "$work/classes" .
