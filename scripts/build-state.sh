# Sourced by ./bench: decides whether the build is stale. Only sources count: the POMs, every file
# under a module's src/, the runner's CMakeLists.txt and cmake/ files. Build outputs (anything under target/, ctest's
# and antrun's files among them) never do. The build touches harness/target/bench.stamp when it
# packages the jar (Maven leaves an unchanged jar's time alone, so the jar's own time says nothing).

LTB_BUILD_STAMP_NAME="harness/target/bench.stamp"

# ltb_stale_reason ROOT: prints why ROOT's build is stale (no build yet, or the first source newer
# than the stamp); prints nothing when the build is up to date.
ltb_stale_reason() {
  local root="$1" stamp="$1/$LTB_BUILD_STAMP_NAME"
  if [ ! -f "$stamp" ] || [ ! -f "$root/harness/target/bench.jar" ]; then
    echo "no build yet"
    return 0
  fi
  local sources=("$root/pom.xml" "$root/native/CMakeLists.txt" "$root/native/cmake")
  local module
  for module in "$root"/*; do
    [ -f "$module/pom.xml" ] && sources+=("$module/pom.xml")
    [ -d "$module/src" ] && sources+=("$module/src")
  done
  local newer
  newer="$(find "${sources[@]}" -newer "$stamp" -type f -not -path '*/target/*' -print -quit 2>/dev/null)"
  [ -z "$newer" ] || echo "${newer#"$root"/} changed since the last build"
}
