/*
 * mv: renames files, in the forms mv SOURCE DEST, mv SOURCE... DIRECTORY,
 * mv -t DIRECTORY SOURCE.... A rename that crosses file systems (EXDEV,
 * between kernel mounts) becomes a copy that keeps modes, times and links,
 * then a removal. -n never overwrites, -u moves only onto older files, -f
 * is the default (no prompts without a terminal), -T never treats DEST as
 * a directory, -v reports each move.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/common.h"
#include "lib/shell-quote.h"
#include "lib/target-operands.h"
#include "lib/fs-canon.h"
#include "lib/fs-tree.h"
#include "lib/fs-util.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_mv, "mv")

struct mv_opts {
    int no_clobber, update, verbose;
};

/* Whether dst is src itself or lies inside the directory src. */
static int into_itself(const char *src, const char *dst) {
    char *s = fs_canonicalize(src, FS_CANON_EXISTING, 0);
    char *d = fs_canonicalize(dst, FS_CANON_MISSING, 1);
    int r = 0;
    if (s && d) {
        size_t n = strlen(s);
        r = strncmp(s, d, n) == 0 && d[n] == '/';
    }
    free(s);
    free(d);
    return r;
}

static int move(const char *src, const char *dst, const struct mv_opts *o) {
    struct stat sst, dst_st;
    if (lstat(src, &sst) != 0) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "%s: cannot stat %s: %s\n", se_prog, quoteaf(src), se_strerror(e));
        return 1;
    }
    int dexists = lstat(dst, &dst_st) == 0;
    if (dexists) {
        if (dst_st.st_dev == sst.st_dev && dst_st.st_ino == sst.st_ino) {
            fflush(stdout);
            fprintf(stderr, "%s: %s and %s are the same file\n", se_prog, quoteaf_n(0, src), quoteaf_n(1, dst));
            return 1;
        }
        if (o->no_clobber) return 0;
        if (o->update && (dst_st.st_mtim.tv_sec > sst.st_mtim.tv_sec ||
                          (dst_st.st_mtim.tv_sec == sst.st_mtim.tv_sec && dst_st.st_mtim.tv_nsec >= sst.st_mtim.tv_nsec)))
            return 0;
        if (S_ISDIR(dst_st.st_mode) && !S_ISDIR(sst.st_mode)) {
            fflush(stdout);
            fprintf(stderr, "%s: cannot overwrite directory %s with non-directory\n", se_prog, quoteaf(dst));
            return 1;
        }
        if (!S_ISDIR(dst_st.st_mode) && S_ISDIR(sst.st_mode)) {
            fflush(stdout);
            fprintf(stderr, "%s: cannot overwrite non-directory %s with directory %s\n", se_prog, quoteaf_n(0, dst), quoteaf_n(1, src));
            return 1;
        }
    }
    if (S_ISDIR(sst.st_mode) && into_itself(src, dst)) {
        fflush(stdout);
        fprintf(stderr, "%s: cannot move %s to a subdirectory of itself, %s\n", se_prog, quoteaf_n(0, src), quoteaf_n(1, dst));
        return 1;
    }
    if (rename(src, dst) != 0) {
        int e = errno;
        if (e != EXDEV) {
            fflush(stdout);
            fprintf(stderr, "%s: cannot move %s to %s: %s\n", se_prog, quoteaf_n(0, src), quoteaf_n(1, dst), se_strerror(e));
            return 1;
        }
        struct fs_copy_opts co;
        memset(&co, 0, sizeof co);
        co.recursive = 1;
        co.deref = FS_DEREF_NEVER;
        co.preserve_mode = co.preserve_times = co.preserve_links = 1;
        co.force = 1;
        if (dexists && S_ISDIR(dst_st.st_mode)) {
            struct fs_remove_opts ro = {1, 1, 1, 0};
            if (fs_remove(dst, &ro) != 0) return 1;
        }
        if (fs_copy(src, dst, &co, 1) != 0) return 1;
        struct fs_remove_opts ro = {1, 1, 1, 0};
        if (fs_remove(src, &ro) != 0) return 1;
    }
    if (o->verbose) printf("renamed %s -> %s\n", quoteaf_n(0, src), quoteaf_n(1, dst));
    return 0;
}

int main_mv(int argc, char **argv) {
    static const struct option longopts[] = {
        {"force", no_argument, NULL, 'f'},        {"no-clobber", no_argument, NULL, 'n'},
        {"interactive", no_argument, NULL, 'i'},  {"update", no_argument, NULL, 'u'},
        {"verbose", no_argument, NULL, 'v'},      {"target-directory", required_argument, NULL, 't'},
        {"no-target-directory", no_argument, NULL, 'T'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    struct mv_opts o = {0, 0, 0};
    int no_target_dir = 0, c;
    const char *target_dir = NULL;
    while ((c = se_getopt_long(argc, argv, "fniuvt:TZ", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': case 'i': o.no_clobber = 0; break;
        case 'n': o.no_clobber = 1; break;
        case 'u': o.update = 1; break;
        case 'v': o.verbose = 1; break;
        case 't': target_dir = optarg; break;
        case 'T': no_target_dir = 1; break;
        case 'Z': break; /* SELinux context: nothing to set here */
        case 'h':
            printf("Usage: mv [OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY\n"
                   "  or:  mv [OPTION]... -t DIRECTORY SOURCE...\n"
                   "Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n\n"
                   "  -f, --force                  do not prompt before overwriting\n"
                   "  -n, --no-clobber             do not overwrite an existing file\n"
                   "  -t, --target-directory=DIRECTORY  move all SOURCE arguments into DIRECTORY\n"
                   "  -T, --no-target-directory    treat DEST as a normal file\n"
                   "  -u, --update                 move only when the SOURCE file is newer\n"
                   "  -v, --verbose                explain what is being done\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    int n = argc - optind;
    char **ops = argv + optind;
    target_operands(&n, ops, &target_dir, no_target_dir);
    int status = 0;
    if (target_dir) {
        for (int i = 0; i < n; i++) {
            char *dest = target_path(target_dir, ops[i]);
            status |= move(ops[i], dest, &o);
            free(dest);
        }
    } else {
        status = move(ops[0], ops[1], &o);
    }
    fs_copy_done();
    return status;
}
