#!/usr/bin/env bash
# Usage: scripts/arm64-sysroot.sh DIR
# Fills DIR with Debian's arm64 builds of the runner's libraries (headers and shared objects), at exactly the
# versions installed for the host, so the arm64-v8a agent is built against what the x86_64 one is. The arm64
# -dev packages cannot be installed beside the amd64 ones (their CMake files clash), so they are downloaded
# and unpacked here, never installed. Run by the native module's build; a no-op when DIR is up to date.
set -euo pipefail
DIR="${1:?usage: arm64-sysroot.sh DIR}"
PACKAGES=(libxnnpack-dev libxnnpack0 libpthreadpool-dev libpthreadpool0 libcpuinfo-dev libcpuinfo0
          libprotobuf-c-dev libprotobuf-c1)

say() { echo "arm64-sysroot: $*" >&2; }

wanted=""
for pkg in "${PACKAGES[@]}"; do
  version="$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || true)"
  if [ -z "$version" ]; then
    # the -dev packages are installed by ./bench; the runtime ones come with them
    say "the host has no $pkg installed, so there is no version to match; run ./bench or ./test first"
    exit 2
  fi
  wanted+="$pkg=$version"$'\n'
done
if [ -f "$DIR/.versions" ] && [ "$(cat "$DIR/.versions")" = "$wanted" ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    say "needs root (or sudo) once, to let apt know arm64 packages; run as root or install sudo"
    exit 2
  fi
fi
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  say "adding arm64 as a foreign architecture to apt (dpkg --add-architecture arm64): only to download" \
      "arm64 packages; none is installed"
  $sudo dpkg --add-architecture arm64
  $sudo apt-get update -q >&2
fi

work="$(mktemp -d)"
chmod a+rwx "$work" # apt downloads as its own user (_apt)
trap 'rm -rf "$work"' EXIT
specs=()
while IFS= read -r line; do
  [ -n "$line" ] && specs+=("${line%%=*}:arm64=${line#*=}")
done <<< "$wanted"
say "downloading ${specs[*]}"
if ! (cd "$work" && apt-get download -q "${specs[@]}" >&2); then
  # the lists may predate adding arm64, or be stale
  $sudo apt-get update -q >&2
  if ! (cd "$work" && apt-get download -q "${specs[@]}" >&2); then
    say "apt could not download ${specs[*]}: the arm64 builds of the host's versions are needed" \
        "(is the Debian mirror reachable?)"
    exit 2
  fi
fi
rm -rf "$DIR.part"
mkdir -p "$DIR.part"
for deb in "$work"/*.deb; do
  dpkg-deb -x "$deb" "$DIR.part"
done
printf '%s' "$wanted" > "$DIR.part/.versions"
rm -rf "$DIR"
mv "$DIR.part" "$DIR"
say "unpacked into $DIR"
