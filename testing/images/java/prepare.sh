#!/usr/bin/env bash
# Builds the Java test image's files into $1: a shaded jar (Maven), an EAR holding a WAR holding jars, and a
# plain jar, all real artifacts from Maven Central.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$1
rm -rf "$out" && mkdir -p "$out/lib" "$out/war/WEB-INF/lib" "$out/ear/META-INF"
mvn() { "$root/mvnw" -q -B --no-transfer-progress "$@"; }
mvn -f "$here/app/pom.xml" -DskipTests package
cp "$here/app/target/shaded-app-1.0.0.jar" "$out/"
rm -rf "$here/app/target"
copy() { mvn org.apache.maven.plugins:maven-dependency-plugin:3.7.0:copy -Dartifact="$1" -DoutputDirectory="$2" -Dmdep.overWriteReleases=true; }
copy org.apache.logging.log4j:log4j-core:2.14.1 "$out/war/WEB-INF/lib"
copy org.apache.logging.log4j:log4j-api:2.14.1 "$out/war/WEB-INF/lib"
copy org.apache.commons:commons-text:1.9 "$out/war/WEB-INF/lib"
copy org.yaml:snakeyaml:1.33 "$out/lib"
printf '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="5.0"/>\n' > "$out/war/WEB-INF/web.xml"
(cd "$out/war" && jar --create --file ../ear/app.war -C . .)
printf '<application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="9"><module><web><web-uri>app.war</web-uri><context-root>/</context-root></web></module></application>\n' \
  > "$out/ear/META-INF/application.xml"
(cd "$out/ear" && jar --create --file ../app.ear -C . .)
rm -rf "$out/war" "$out/ear"
