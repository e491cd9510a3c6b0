# Sourced by ./bench and ./test: installs the Debian packages this project needs when missing.
# Kept as one list so a fresh Debian 12 machine needs nothing but these two commands.

LTB_PACKAGES=(
  openjdk-17-jdk-headless maven          # build and run the harness
  cmake gcc make                         # native runner
  libxnnpack-dev libpthreadpool-dev libcpuinfo-dev   # cpu backend
  libprotobuf-c-dev protobuf-c-compiler libonnx-dev  # ONNX loader (onnx.proto compiled at build time)
  ocl-icd-opencl-dev pocl-opencl-icd clinfo          # gpu backend (PoCL stands in for a phone GPU)
  adb                                    # the adb server that drives devices
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross        # the arm64-v8a agent for phones (cross compiled)
  qemu-user                              # runs it on the virtual arm64 device and in its tests
  fontconfig fonts-dejavu-core           # fonts for plots (validation scatter)
)
LTB_TEST_PACKAGES=(
  python3-onnx python3-numpy             # the real onnx checker used by tests
  chromium chromium-driver               # the browser test of bench report
)

ltb_install_missing() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "bench: missing system packages: ${missing[*]} (and no apt-get here: install them by hand)" >&2
    return 2
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "bench: missing system packages: ${missing[*]}; run as root or install sudo" >&2
      return 2
    fi
  fi
  echo "bench: installing system packages: ${missing[*]}" >&2
  $sudo apt-get update -q >&2 || return 2
  # --no-remove: never remove another package to make room; a conflict is reported, not resolved
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends --no-remove \
      "${missing[@]}" >&2; then
    echo "bench: could not install ${missing[*]} without removing other packages (see apt-get's message" \
         "above); resolve the conflict by hand, then rerun" >&2
    return 2
  fi
}
