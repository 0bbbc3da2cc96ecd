/*
 * mktemp: creates a file (mode 0600) or with -d a directory (0700) whose
 * name is TEMPLATE with its trailing X's (at least 3) replaced by random
 * letters and digits, and prints the name. Without TEMPLATE it uses
 * "tmp.XXXXXXXXXX" in $TMPDIR or /tmp; -p DIR / --tmpdir[=DIR] put a
 * relative TEMPLATE under DIR ($TMPDIR, else /tmp, when DIR is empty or
 * missing); -u only prints a name; --suffix adds text after the X's.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/fs-util.h"
#include "lib/se-getopt.h"
#include "lib/se-kernel.h"

SE_COMMAND(main_mktemp, "mktemp")

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

static void fill_random(char *x, size_t n) {
    unsigned char bytes[256];
    while (n > 0) {
        size_t k = n < sizeof bytes ? n : sizeof bytes;
        if (getentropy(bytes, k) != 0) se_die_errno(1, "getentropy");
        for (size_t i = 0; i < k; i++) *x++ = alphabet[bytes[i] % (sizeof alphabet - 1)];
        n -= k;
    }
}

int main_mktemp(int argc, char **argv) {
    enum { SUFFIX = 256, TMPDIR_OPT };
    static const struct option longopts[] = {
        {"directory", no_argument, NULL, 'd'}, {"dry-run", no_argument, NULL, 'u'},
        {"quiet", no_argument, NULL, 'q'},     {"suffix", required_argument, NULL, SUFFIX},
        {"tmpdir", optional_argument, NULL, TMPDIR_OPT}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int dir = 0, dry = 0, quiet = 0, use_tmpdir = 0, c;
    const char *suffix = NULL, *tmpdir = NULL;
    while ((c = se_getopt_long(argc, argv, "dp:qtu", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': dir = 1; break;
        case 'u': dry = 1; break;
        case 'q': quiet = 1; break;
        case 'p': use_tmpdir = 1; tmpdir = optarg; break;
        case 't': use_tmpdir = 1; break;
        case TMPDIR_OPT: use_tmpdir = 1; tmpdir = optarg; break;
        case SUFFIX: suffix = optarg; break;
        case 'h':
            printf("Usage: mktemp [OPTION]... [TEMPLATE]\n"
                   "Create a temporary file or directory, safely, and print its name.\n"
                   "TEMPLATE must contain at least 3 consecutive 'X's in last component.\n"
                   "If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.\n\n"
                   "  -d, --directory     create a directory, not a file\n"
                   "  -u, --dry-run       do not create anything; merely print a name (unsafe)\n"
                   "  -q, --quiet         suppress diagnostics about file/dir-creation failure\n"
                   "      --suffix=SUFF   append SUFF to TEMPLATE\n"
                   "  -p DIR, --tmpdir[=DIR]  interpret TEMPLATE relative to DIR; if DIR is not\n"
                   "                        specified, use $TMPDIR if set, else /tmp\n"
                   "  -t                  interpret TEMPLATE as relative to $TMPDIR (deprecated)\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (argc - optind > 1) {
        se_warn("too many templates");
        se_usage_error(1);
    }
    const char *tmpl = optind < argc ? argv[optind] : NULL;
    if (!tmpl) {
        tmpl = "tmp.XXXXXXXXXX";
        use_tmpdir = 1;
    }
    /* A suffix after the last X counts as --suffix. */
    size_t tlen = strlen(tmpl);
    const char *lastx = strrchr(tmpl, 'X');
    const char *implicit_suffix = lastx ? lastx + 1 : tmpl + tlen;
    if (suffix && *implicit_suffix) se_die(1, "invalid template, '%s'; contains directory separator", tmpl);
    if (!suffix) suffix = implicit_suffix;
    if (strchr(suffix, '/')) se_die(1, "invalid suffix '%s', contains directory separator", suffix);
    size_t base_len = (size_t)(implicit_suffix - tmpl);
    size_t xs = 0;
    while (xs < base_len && tmpl[base_len - 1 - xs] == 'X') xs++;
    if (xs < 3) {
        char *shown = xmalloc(tlen + strlen(suffix) + 1);
        sprintf(shown, "%.*s%s", (int)base_len, tmpl, *implicit_suffix ? implicit_suffix : suffix);
        se_die(1, "too few X's in template '%s'", shown);
    }
    if (use_tmpdir) {
        if (strchr(tmpl, '/') && optind < argc) se_die(1, "invalid template, '%s', contains directory separator", tmpl);
        if (!tmpdir || !*tmpdir) {
            tmpdir = getenv("TMPDIR");
            if (!tmpdir || !*tmpdir) tmpdir = "/tmp";
        }
    }
    char *name = xmalloc((tmpdir ? strlen(tmpdir) + 1 : 0) + base_len + strlen(suffix) + 1);
    sprintf(name, "%s%s%.*s%s", use_tmpdir ? tmpdir : "", use_tmpdir && tmpdir[strlen(tmpdir) - 1] != '/' ? "/" : "",
            (int)base_len, tmpl, suffix);
    char *x = name + strlen(name) - strlen(suffix) - xs;
    for (int attempt = 0; attempt < 100; attempt++) {
        fill_random(x, xs);
        if (dry) {
            struct stat st;
            if (lstat(name, &st) == 0) continue;
            puts(name);
            return 0;
        }
        if (dir) {
            if (mkdir(name, 0700) == 0) {
                se_chmod(name, 0700);
                puts(name);
                return 0;
            }
        } else {
            int fd = open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
            if (fd >= 0) {
                close(fd);
                se_chmod(name, 0600);
                puts(name);
                return 0;
            }
        }
        if (errno != EEXIST) break;
    }
    if (!quiet) {
        int e = errno;
        char *shown = xstrdup(name);
        memset(shown + (x - name), 'X', xs);
        fprintf(stderr, "%s: failed to create %s via template '%s': %s\n", se_prog, dir ? "directory" : "file", shown,
                se_strerror(e));
    }
    return 1;
}
