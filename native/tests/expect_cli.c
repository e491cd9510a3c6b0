/* Runs ltrunner with the given arguments and checks its exit code and its last stdout line.
 * usage: expect_cli EXIT_CODE PATTERN -- ltrunner args...
 * PATTERN must occur in the last line; a run killed by a signal (a crash) always fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int check(char *out, size_t len, int status, int want, const char *pattern) {
    if (!WIFEXITED(status)) {
        fprintf(stderr, "FAIL: ltrunner died from signal %d\n", WTERMSIG(status));
        return 1;
    }
    /* last non-empty line */
    while (len > 0 && out[len - 1] == '\n') out[--len] = '\0';
    char *last = strrchr(out, '\n');
    last = last ? last + 1 : out;
    int code = WEXITSTATUS(status);
    if (code != want) {
        fprintf(stderr, "FAIL: exit code %d, expected %d\n", code, want);
        return 1;
    }
    if (strstr(last, pattern) == NULL) {
        fprintf(stderr, "FAIL: last line lacks '%s': %s\n", pattern, last);
        return 1;
    }
    /* every line must be one JSON object with a type first */
    for (char *p = out; *p;) {
        if (strncmp(p, "{\"type\":\"", 9) != 0) {
            fprintf(stderr, "FAIL: a line does not start with {\"type\": %.80s\n", p);
            return 1;
        }
        char *nl = strchr(p, '\n');
        if (nl == NULL) break;
        if (nl[-1] != '}') {
            fprintf(stderr, "FAIL: a line does not end with }\n");
            return 1;
        }
        p = nl + 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 5 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: expect_cli EXIT_CODE PATTERN -- command args...\n");
        return 2;
    }
    int want = atoi(argv[1]);
    const char *pattern = argv[2];
    int fds[2];
    if (pipe(fds) != 0) return 2;
    pid_t pid = fork();
    if (pid < 0) return 2;
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        execv(argv[4], argv + 4);
        perror("exec");
        _exit(127);
    }
    close(fds[1]);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    ssize_t r;
    while (out != NULL && (r = read(fds[0], out + len, cap - len - 1)) > 0) {
        len += (size_t)r;
        if (len + 1 == cap) {
            char *o = realloc(out, cap * 2);
            if (o == NULL) break;
            out = o;
            cap *= 2;
        }
    }
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    if (out == NULL) return 2;
    out[len] = '\0';
    printf("%s", out);
    int rc = check(out, len, status, want, pattern);
    free(out);
    return rc;
}
