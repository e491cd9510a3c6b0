# Cross build of the arm64-v8a agent with Debian's gcc-aarch64-linux-gnu: glibc and libgcc from the cross
# toolchain (/usr/aarch64-linux-gnu), the runner's libraries from LTRUNNER_SYSROOT (scripts/arm64-sysroot.sh).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_TRY_COMPILE_PLATFORM_VARIABLES LTRUNNER_SYSROOT)
if(NOT LTRUNNER_SYSROOT)
  message(FATAL_ERROR "set LTRUNNER_SYSROOT to the folder scripts/arm64-sysroot.sh filled")
endif()
set(CMAKE_FIND_ROOT_PATH ${LTRUNNER_SYSROOT} /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# XNNPACK needs cpuinfo and pthreadpool at link time, which the linker finds only when told where
set(CMAKE_EXE_LINKER_FLAGS_INIT "-Wl,-rpath-link,${LTRUNNER_SYSROOT}/usr/lib/aarch64-linux-gnu")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-Wl,-rpath-link,${LTRUNNER_SYSROOT}/usr/lib/aarch64-linux-gnu")
# Where bundle.cmake looks for the shared objects the agent needs, the loader among them.
set(LTRUNNER_BUNDLE_LIBRARY_DIRS ${LTRUNNER_SYSROOT}/usr/lib/aarch64-linux-gnu /usr/aarch64-linux-gnu/lib)
