/* libltexec.so: preloaded into the shell of the virtual arm64 device, it makes an execve of an aarch64 ELF
 * run under qemu-user, as a kernel with binfmt_misc registered for aarch64 would. Done here rather than with
 * binfmt_misc because containers and CI machines often have none, and registering one needs root.
 *
 * The emulator is named by LTBENCH_QEMU_AARCH64 (the virtual device sets it); without it, or for any other
 * file, execve is the C library's. qemu is started as  QEMU -U LD_PRELOAD -U LTBENCH_QEMU_AARCH64 -0 ARGV0
 * PATH ARGS..., so the emulated program sees the argv and environment it would on a phone.
 *
 * Only execve is redirected: the device shell (dash) starts commands with it. A host program that execs
 * through execvp (env, nice) is not redirected, and its aarch64 child fails as it would without binfmt_misc. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ELF_EM_AARCH64 183
#define QEMU_VARIABLE "LTBENCH_QEMU_AARCH64"

typedef int (*execve_fn)(const char *, char *const[], char *const[]);

/* Whether path starts with the ELF header of a 64-bit little-endian aarch64 object. */
static int is_aarch64_elf(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    unsigned char h[20];
    ssize_t n = read(fd, h, sizeof h);
    close(fd);
    return n == (ssize_t)sizeof h && memcmp(h, "\177ELF", 4) == 0 && h[4] == 2 && h[5] == 1 &&
           (h[18] | (h[19] << 8)) == ELF_EM_AARCH64;
}

int execve(const char *path, char *const argv[], char *const envp[]) {
    execve_fn real = (execve_fn)dlsym(RTLD_NEXT, "execve");
    if (real == NULL) {
        errno = ENOSYS;
        return -1;
    }
    const char *qemu = getenv(QEMU_VARIABLE);
    if (qemu == NULL || qemu[0] == '\0' || !is_aarch64_elf(path)) return real(path, argv, envp);
    size_t argc = 0;
    while (argv[argc] != NULL) argc++;
    enum { PREFIX = 8 };
    char **args = malloc((argc + PREFIX + 1) * sizeof *args);
    if (args == NULL) {
        errno = ENOMEM;
        return -1;
    }
    size_t k = 0;
    args[k++] = (char *)qemu;
    args[k++] = "-U";
    args[k++] = "LD_PRELOAD";
    args[k++] = "-U";
    args[k++] = QEMU_VARIABLE;
    args[k++] = "-0";
    args[k++] = argc > 0 ? argv[0] : (char *)path;
    args[k++] = (char *)path;
    for (size_t i = 1; i < argc; i++) args[k++] = argv[i];
    args[k] = NULL;
    int rc = real(qemu, args, envp);
    int saved = errno; /* only reached when qemu itself could not be started */
    free(args);
    errno = saved;
    return rc;
}
