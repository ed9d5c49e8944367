#!/usr/bin/env bash
# CI: the runner's GPU build (lra-runner -Pgpu, into lra-runner/target-gpu/) on this CPU machine. Checks what can be
# checked without a GPU:
#   - no native library is bundled: lib/ holds no pytorch-native-* or mxnet-native-* jar and the jar's manifest
#     Class-Path names none (pytorch-jni and the engines stay);
#   - the build's defaults: lra.offline = false (its lra-build.conf), lra.device = auto;
#   - run offline (-Dlra.offline=true) with an empty DJL cache, it stops with one message pointing to
#     lra.offline=false (exit status 2), not a stack trace.
# Usage: .ci/gpu-build.sh [extra Maven options]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pgpu -pl lra-runner -am -DskipTests package "$@"
jar=lra-runner/target-gpu/lra-runner.jar
lib=lra-runner/target-gpu/lib
fail=0
natives="$(ls "$lib" | grep -E '^(pytorch-native|mxnet-native)' || true)"
if [[ -n "$natives" ]]; then
  echo "gpu-build: $lib bundles native libraries: $natives" >&2
  fail=1
fi
classpath="$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -e ':a;N;$!ba;s/\n //g' | sed -n 's/^Class-Path: //p')"
if grep -qE 'pytorch-native|mxnet-native' <<<"$classpath"; then
  echo "gpu-build: the manifest Class-Path names a native library jar: $classpath" >&2
  fail=1
fi
for needed in pytorch-engine pytorch-jni mxnet-engine; do
  if ! grep -q "lib/$needed-" <<<"$classpath" || ! ls "$lib" | grep -q "^$needed-"; then
    echo "gpu-build: $needed is missing from $lib or the Class-Path" >&2
    fail=1
  fi
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -jar "$jar" config > "$work/config.txt"
if ! grep -qE '^ *"?offline"? *[:=] *false' "$work/config.txt" || ! grep -qE '^ *"?device"? *[:=] *"?auto' "$work/config.txt"; then
  echo "gpu-build: expected lra.offline = false and lra.device = auto in the GPU build's configuration:" >&2
  grep -E 'offline|device' "$work/config.txt" >&2 || true
  fail=1
fi
status=0
DJL_CACHE_DIR="$work/djl" ENGINE_CACHE_DIR="$work/djl" java -Dlra.offline=true -jar "$jar" models \
  > "$work/out.txt" 2> "$work/err.txt" || status=$?
cat "$work/err.txt"
if [[ "$status" -ne 2 ]] || ! grep -q 'lra.offline=false' "$work/err.txt" || grep -qE 'internal error|^\s+at ' "$work/err.txt"; then
  echo "gpu-build: offline without natives should exit 2 with a message naming lra.offline=false (exit $status)" >&2
  fail=1
fi
[[ "$fail" -eq 0 ]] && echo "gpu-build: no native library bundled; offline run refused with exit 2 and the hint"
exit "$fail"
