/*
 * which [-a] NAME...: prints where each NAME would be found on PATH (an
 * executable regular file), as Debian's which does: the first match, or
 * every match with -a; a NAME with a slash is checked as it is. Exit 0 when
 * every NAME was found, 1 otherwise (and with no NAME), 2 for a bad option.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/common.h"
#include "lib/fs-util.h"

SE_COMMAND(main_which, "which")

/* A regular file with an execute bit (the sandbox runs as root, for whom any x bit will do). */
static int executable_file(const char *path) {
    struct stat st;
    return fs_stat(path, &st, 1) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111) != 0;
}

/* Prints the matches for one NAME; returns whether there was any. */
static int find(const char *name, const char *path_var, int all) {
    if (strchr(name, '/')) {
        if (!executable_file(name)) return 0;
        puts(name);
        return 1;
    }
    int found = 0;
    const char *p = path_var;
    for (;;) {
        const char *end = strchr(p, ':');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char *candidate = xmalloc(len + strlen(name) + 3);
        if (len == 0) strcpy(candidate, ".");
        else memcpy(candidate, p, len), candidate[len] = '\0';
        strcat(candidate, "/");
        strcat(candidate, name);
        if (executable_file(candidate)) {
            puts(candidate);
            found = 1;
        }
        free(candidate);
        if ((found && !all) || !end) break;
        p = end + 1;
    }
    return found;
}

int main_which(int argc, char **argv) {
    int all = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o != 'a') {
                fflush(stdout);
                fprintf(stderr, "Illegal option -%c\n", *o);
                printf("Usage: %s [-a] args\n", se_prog);
                return 2;
            }
            all = 1;
        }
    }
    const char *path_var = getenv("PATH");
    if (!path_var) path_var = "/usr/local/bin:/usr/bin:/bin";
    int status = i < argc ? 0 : 1;
    for (; i < argc; i++)
        if (!find(argv[i], path_var, all)) status = 1;
    return status;
}
