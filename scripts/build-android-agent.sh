#!/usr/bin/env bash
# Usage: scripts/build-android-agent.sh ANDROID_NDK_PATH
# Builds the arm64-v8a agent with the Android NDK (bionic), the one that runs every backend on a phone: it can
# load the phone's own libOpenCL.so (gpu) and libneuralnetworks.so, which the glibc bundle cannot. The same
# sources as every other build; the third-party libraries from source, at the commits of the Debian packages the
# host builds use, linked statically, so the agent is one file. Then repackages, so bench chooses it for arm64
# phones (README, "Real phones").
#
# NOT CHECKED IN THIS PROJECT'S CI: the development machines have no Android NDK. It needs git and network
# access to github.com.
set -euo pipefail
NDK="${1:?usage: build-android-agent.sh ANDROID_NDK_PATH}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN="$NDK/build/cmake/android.toolchain.cmake"
[ -f "$TOOLCHAIN" ] || { echo "build-android-agent: $TOOLCHAIN not found: give the NDK's root folder" >&2; exit 2; }
WORK="$ROOT/build-android"
PREFIX="$WORK/prefix"
ABI=arm64-v8a
PLATFORM=android-28
# The upstream commits of Debian 12's libxnnpack0 (0.0~git20220216.ae108ef), libcpuinfo0 (0.0~git20220617.082deff),
# libpthreadpool0 (0.0~git20210507.1787867) and libprotobuf-c1 (1.4.1).
SOURCES=(
  "XNNPACK https://github.com/google/XNNPACK.git ae108ef"
  "cpuinfo https://github.com/pytorch/cpuinfo.git 082deff"
  "pthreadpool https://github.com/Maratyszcza/pthreadpool.git 1787867"
  "protobuf-c https://github.com/protobuf-c/protobuf-c.git v1.4.1"
)
mkdir -p "$WORK/src" "$PREFIX"
for entry in "${SOURCES[@]}"; do
  read -r name url rev <<< "$entry"
  if [ ! -d "$WORK/src/$name/.git" ]; then
    git clone -q "$url" "$WORK/src/$name"
  fi
  git -C "$WORK/src/$name" checkout -q "$rev"
done

android_cmake() { # SOURCE BUILD [options]
  local src="$1" build="$2"; shift 2
  cmake -S "$src" -B "$build" -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DANDROID_ABI="$ABI" \
        -DANDROID_PLATFORM="$PLATFORM" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" \
        -DCMAKE_FIND_ROOT_PATH="$PREFIX" "$@"
  cmake --build "$build" --parallel "$(nproc)"
}

android_cmake "$WORK/src/protobuf-c/build-cmake" "$WORK/build/protobuf-c" -DBUILD_PROTOC=OFF \
  -DBUILD_SHARED_LIBS=OFF
cmake --install "$WORK/build/protobuf-c"
# XNNPACK builds cpuinfo and pthreadpool from the given sources and installs nothing of them: copy them by hand
android_cmake "$WORK/src/XNNPACK" "$WORK/build/xnnpack" -DXNNPACK_LIBRARY_TYPE=static \
  -DXNNPACK_BUILD_TESTS=OFF -DXNNPACK_BUILD_BENCHMARKS=OFF \
  -DCPUINFO_SOURCE_DIR="$WORK/src/cpuinfo" -DPTHREADPOOL_SOURCE_DIR="$WORK/src/pthreadpool"
mkdir -p "$PREFIX/lib" "$PREFIX/include"
find "$WORK/build/xnnpack" \( -name 'libXNNPACK.a' -o -name 'libcpuinfo.a' -o -name 'libpthreadpool.a' \
  -o -name 'libclog.a' \) -exec cp {} "$PREFIX/lib/" \;
cp "$WORK/src/XNNPACK/include/xnnpack.h" "$WORK/src/pthreadpool/include/pthreadpool.h" \
   "$WORK/src/cpuinfo/include/cpuinfo.h" "$PREFIX/include/"
# the OpenCL headers are Khronos's, the same on every architecture (Debian's opencl-c-headers)
cp -r /usr/include/CL "$PREFIX/include/"

android_cmake "$ROOT/native" "$WORK/build/ltrunner" -DBUILD_TESTING=OFF -DLTRUNNER_WITH_OPENCL=ON
mkdir -p "$WORK/dist"
cp "$WORK/build/ltrunner/ltrunner" "$WORK/dist/ltrunner"
echo "build-android-agent: built $WORK/dist/ltrunner; repackaging" >&2
(cd "$ROOT" && mvn -q -B -DskipTests package)
echo "build-android-agent: bench now uses the NDK agent for arm64-v8a phones (every backend)" >&2
