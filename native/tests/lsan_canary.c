/* Leaks blocks on purpose: the test that runs it proves that the LeakSanitizer suppressions
 * (lsan.supp) hide only third-party modules and that a leak in our code still fails a test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each block's only pointer is overwritten by the next one's. Many blocks, because a stale copy
 * of the last pointer (a register, a dead stack slot) may keep one of them reachable. */
__attribute__((noinline)) static int leak_blocks(int count) {
    size_t written = 0;
    for (int i = 0; i < count; i++) {
        char *lost = malloc(64);
        if (lost == NULL) return 1;
        written += (size_t)snprintf(lost, 64, "block %d dropped on purpose", i);
    }
    printf("%zu bytes written in %d lost blocks\n", written, count);
    return 0;
}

int main(void) {
    if (leak_blocks(32) != 0) {
        fputs("lsan_canary: out of memory\n", stderr);
        return 1;
    }
    return 0;
}
