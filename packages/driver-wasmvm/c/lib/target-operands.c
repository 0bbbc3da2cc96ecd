/* target-operands.c: the SOURCE/DEST/DIRECTORY operand rules cp and mv share (target-operands.h). */
#include "target-operands.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"
#include "fs-util.h"

void target_operands(int *count, char **ops, const char **target_dir, int no_target_dir) {
    int n = *count;
    if (n == 0) {
        se_warn("missing file operand");
        se_usage_error(1);
    }
    if (*target_dir && no_target_dir) se_die(1, "cannot combine --target-directory (-t) and --no-target-directory (-T)");
    if (*target_dir) return;
    if (n == 1) {
        se_warn("missing destination file operand after '%s'", ops[0]);
        se_usage_error(1);
    }
    struct stat st;
    const char *last = ops[n - 1];
    if (no_target_dir) {
        if (n > 2) {
            se_warn("extra operand '%s'", ops[2]);
            se_usage_error(1);
        }
        return;
    }
    if (stat(last, &st) == 0 && S_ISDIR(st.st_mode)) {
        *target_dir = last;
        *count = n - 1;
        return;
    }
    if (n > 2) {
        if (stat(last, &st) != 0) {
            int e = errno;
            se_die(1, "target '%s': %s", last, se_strerror(e));
        }
        se_die(1, "target '%s': Not a directory", last);
    }
}

char *target_path(const char *target_dir, const char *source) {
    char *name = xstrdup(fs_last_component(source));
    size_t len = strlen(name);
    while (len > 1 && name[len - 1] == '/') name[--len] = '\0';
    char *dest = fs_join(target_dir, name);
    free(name);
    return dest;
}
