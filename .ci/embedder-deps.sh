#!/usr/bin/env bash
# CI: an application that depends on lra-runner (compile scope) must not get JUnit on its class path (pdfbox, under
# XChart, declares it at compile scope; lra-runner excludes it). Resolves a throwaway embedder project against the
# installed artifacts and fails when any org.junit artifact is in its runtime class path.
# Usage: .ci/embedder-deps.sh [extra Maven options, e.g. -Dmaven.repo.local=...]
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>lra-embedder-check</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.github.lrabench</groupId>
      <artifactId>lra-runner</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
</project>
POM
./mvnw -B -q -f "$work/pom.xml" "$@" dependency:list -DincludeScope=runtime -DoutputFile="$work/deps.txt" \
  -DexcludeTransitive=false
if grep -q 'org\.junit' "$work/deps.txt"; then
  echo "embedder-deps: JUnit is on the runtime class path of an application that depends on lra-runner:" >&2
  grep 'org\.junit' "$work/deps.txt" >&2
  exit 1
fi
echo "embedder-deps: an application depending on lra-runner $version gets no JUnit ($(grep -c ':' "$work/deps.txt") runtime artifacts)"
