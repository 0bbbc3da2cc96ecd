/*
 * cp: copies files, and with -r/-R directory trees, in the forms
 *   cp SOURCE DEST, cp SOURCE... DIRECTORY, cp -t DIRECTORY SOURCE...
 * -p (--preserve=mode,timestamps) keeps modes and times, -a is -R -P -p
 * plus hard links, -P/-L/-H choose whether symlinks are copied or
 * followed (-R copies them, a plain cp follows them), -n never
 * overwrites, -u copies only onto older files, -f replaces a destination
 * that cannot be opened, -T never treats DEST as a directory, -v reports.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/common.h"
#include "lib/target-operands.h"
#include "lib/fs-tree.h"
#include "lib/fs-util.h"
#include "lib/se-getopt.h"

SE_COMMAND(main_cp, "cp")

/* Applies a --preserve/--no-preserve list; returns -1 for an unknown attribute. */
static int preserve_list(struct fs_copy_opts *o, const char *list, int on) {
    char *copy = xstrdup(list), *save = NULL;
    int r = 0;
    for (char *a = strtok_r(copy, ",", &save); a; a = strtok_r(NULL, ",", &save)) {
        if (!strcmp(a, "mode")) o->preserve_mode = on;
        else if (!strcmp(a, "timestamps")) o->preserve_times = on;
        else if (!strcmp(a, "links")) o->preserve_links = on;
        else if (!strcmp(a, "all")) o->preserve_mode = o->preserve_times = o->preserve_links = on;
        else if (!strcmp(a, "ownership") || !strcmp(a, "context") || !strcmp(a, "xattr")) continue;
        else {
            se_warn("invalid argument '%s' for '--preserve'", a);
            fprintf(stderr, "Valid arguments are:\n  - 'mode'\n  - 'timestamps'\n  - 'ownership'\n  - 'links'\n"
                            "  - 'context'\n  - 'xattr'\n  - 'all'\n");
            r = -1;
        }
    }
    free(copy);
    return r;
}

int main_cp(int argc, char **argv) {
    enum { PRESERVE = 256, NO_PRESERVE };
    static const struct option longopts[] = {
        {"archive", no_argument, NULL, 'a'},        {"force", no_argument, NULL, 'f'},
        {"no-clobber", no_argument, NULL, 'n'},     {"recursive", no_argument, NULL, 'R'},
        {"dereference", no_argument, NULL, 'L'},    {"no-dereference", no_argument, NULL, 'P'},
        {"preserve", optional_argument, NULL, PRESERVE}, {"no-preserve", required_argument, NULL, NO_PRESERVE},
        {"update", no_argument, NULL, 'u'},         {"verbose", no_argument, NULL, 'v'},
        {"target-directory", required_argument, NULL, 't'}, {"no-target-directory", no_argument, NULL, 'T'},
        {"interactive", no_argument, NULL, 'i'},    {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    struct fs_copy_opts o;
    memset(&o, 0, sizeof o);
    int deref_set = 0, no_target_dir = 0, c;
    const char *target_dir = NULL;
    while ((c = se_getopt_long(argc, argv, "adfHiLnPpRrTt:uvZ", longopts, NULL)) != -1) {
        switch (c) {
        case 'a':
            o.recursive = 1;
            o.deref = FS_DEREF_NEVER;
            deref_set = 1;
            o.preserve_mode = o.preserve_times = o.preserve_links = 1;
            break;
        case 'd': o.deref = FS_DEREF_NEVER; deref_set = 1; o.preserve_links = 1; break;
        case 'f': o.force = 1; break;
        case 'H': o.deref = FS_DEREF_COMMAND; deref_set = 1; break;
        case 'i': o.no_clobber = 0; break;
        case 'L': o.deref = FS_DEREF_ALWAYS; deref_set = 1; break;
        case 'n': o.no_clobber = 1; break;
        case 'P': o.deref = FS_DEREF_NEVER; deref_set = 1; break;
        case 'p': o.preserve_mode = o.preserve_times = 1; break;
        case 'R': case 'r': o.recursive = 1; break;
        case 'T': no_target_dir = 1; break;
        case 't': target_dir = optarg; break;
        case 'u': o.update = 1; break;
        case 'v': o.verbose = 1; break;
        case 'Z': break; /* SELinux context: nothing to set here */
        case PRESERVE:
            if (preserve_list(&o, optarg ? optarg : "mode,timestamps", 1) != 0) se_usage_error(1);
            break;
        case NO_PRESERVE:
            if (preserve_list(&o, optarg, 0) != 0) se_usage_error(1);
            break;
        case 'h':
            printf("Usage: cp [OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY\n"
                   "  or:  cp [OPTION]... -t DIRECTORY SOURCE...\n"
                   "Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.\n\n"
                   "  -a, --archive                same as -dR --preserve=all\n"
                   "  -d                           same as --no-dereference --preserve=links\n"
                   "  -f, --force                  if an existing destination file cannot be\n"
                   "                                 opened, remove it and try again\n"
                   "  -H                           follow command-line symbolic links in SOURCE\n"
                   "  -L, --dereference            always follow symbolic links in SOURCE\n"
                   "  -n, --no-clobber             do not overwrite an existing file\n"
                   "  -P, --no-dereference         never follow symbolic links in SOURCE\n"
                   "  -p                           same as --preserve=mode,timestamps\n"
                   "      --preserve[=ATTR_LIST]   preserve the specified attributes\n"
                   "  -R, -r, --recursive          copy directories recursively\n"
                   "  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY\n"
                   "  -T, --no-target-directory    treat DEST as a normal file\n"
                   "  -u, --update                 copy only when the SOURCE file is newer\n"
                   "  -v, --verbose                explain what is being done\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (!deref_set) o.deref = o.recursive ? FS_DEREF_NEVER : FS_DEREF_COMMAND;
    int n = argc - optind;
    char **ops = argv + optind;
    target_operands(&n, ops, &target_dir, no_target_dir);
    int status = 0;
    if (target_dir) {
        for (int i = 0; i < n; i++) {
            char *dest = target_path(target_dir, ops[i]);
            status |= fs_copy(ops[i], dest, &o, 1);
            free(dest);
        }
    } else {
        status = fs_copy(ops[0], ops[1], &o, 1);
    }
    fs_copy_done();
    return status;
}
