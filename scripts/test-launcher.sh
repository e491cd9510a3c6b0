#!/usr/bin/env bash
# Tests of ./bench's staleness check (run by ./test after the Maven build): a second ./bench after a
# build does not build, build outputs never count as sources, a changed source does.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/build-state.sh"
passed=0 failed=0
check() { # check NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: expected '$2', got '$3'" >&2
  fi
}

# a tree shaped like the repository, built a minute ago
tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree"/harness/target "$tree"/harness/src/main/java "$tree"/native/src "$tree"/native/target/build-asan
touch "$tree"/pom.xml "$tree"/harness/pom.xml "$tree"/native/pom.xml "$tree"/native/CMakeLists.txt \
      "$tree"/native/src/runner.c "$tree"/harness/src/main/java/A.java
touch -d '-1 minute' "$tree"/pom.xml "$tree"/*/pom.xml "$tree"/native/CMakeLists.txt "$tree"/native/src/runner.c \
      "$tree"/harness/src/main/java/A.java
check "no jar, no stamp" "no build yet" "$(ltb_stale_reason "$tree")"
touch "$tree"/harness/target/bench.jar "$tree/$LTB_BUILD_STAMP_NAME"
check "just built" "" "$(ltb_stale_reason "$tree")"
touch "$tree"/native/target/build-asan/CTestCostData.txt "$tree"/native/target/build-main.xml "$tree"/harness/target/x.class
check "build outputs are not sources" "" "$(ltb_stale_reason "$tree")"
touch -d '+1 second' "$tree"/native/src/runner.c
check "a changed runner source" "native/src/runner.c changed since the last build" "$(ltb_stale_reason "$tree")"
touch -d '-1 minute' "$tree"/native/src/runner.c
mkdir -p "$tree"/native/cmake
touch -d '+1 second' "$tree"/native/cmake/bundle.cmake
check "a changed cmake file" "native/cmake/bundle.cmake changed since the last build" "$(ltb_stale_reason "$tree")"
touch -d '-1 minute' "$tree"/native/cmake/bundle.cmake
touch -d '+1 second' "$tree"/harness/pom.xml
check "a changed POM" "harness/pom.xml changed since the last build" "$(ltb_stale_reason "$tree")"
rm "$tree/$LTB_BUILD_STAMP_NAME"
check "stamp removed" "no build yet" "$(ltb_stale_reason "$tree")"

# the real launcher, right after the build that ./test ran
if [ -f "$ROOT/harness/target/bench.jar" ]; then
  err="$("$ROOT/bench" arch space 2>&1 >/dev/null)"
  check "./bench after a build does not build" "" "$(printf '%s' "$err" | grep 'bench: building')"
  err="$("$ROOT/bench" arch space 2>&1 >/dev/null)"
  check "a second ./bench does not build either" "" "$(printf '%s' "$err" | grep 'bench: building')"
else
  failed=$((failed + 1)); echo "FAIL: no harness/target/bench.jar: run after the Maven build" >&2
fi

echo "launcher: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
