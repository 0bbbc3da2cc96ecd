/*
 * stat: prints file metadata, in GNU's default layout, -t (terse), or
 * -c FORMAT / --printf FORMAT with the directives %a %A %b %B %d %D %f %F
 * %g %G %h %i %m %n %N %o %s %t %T %u %U %w %W %x %X %y %Y %z %Z (and
 * printf-style flags and widths: %-10n, %05a). Symlinks are described
 * themselves unless -L. The sandbox reports no birth time: %w is "-" and
 * %W is 0; %C (SELinux context) and unknown directives print "?".
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/fs-util.h"
#include "lib/se-getopt.h"
#include "lib/shell-quote.h"
#include "lib/timefmt.h"

SE_COMMAND(main_stat, "stat")

#define TIME_FORMAT "%Y-%m-%d %H:%M:%S.%N %z"

/* Prints s with single quotes as GNU's %N does ("a'b" gets double quotes). */
static void print_quoted(const char *s) {
    if (!strchr(s, '\'')) {
        printf("%s", quoteaf(s));
        return;
    }
    if (!strpbrk(s, "\"$`\\")) {
        printf("\"%s\"", s);
        return;
    }
    putchar('\'');
    for (const char *p = s; *p; p++) {
        if (*p == '\'') fputs("'\\''", stdout);
        else putchar(*p);
    }
    putchar('\'');
}

static void print_time(const struct timespec *ts) {
    struct tf_time t;
    tf_breakdown(&t, (long long)ts->tv_sec, ts->tv_nsec, 0);
    tf_print(stdout, TIME_FORMAT, &t);
}

/* Prints text through a printf spec built from the directive's flags and width ("%-10" + "s"). */
static void out_str(const char *spec, const char *text) {
    char fmt[64];
    snprintf(fmt, sizeof fmt, "%ss", spec);
    printf(fmt, text);
}

static void out_num(const char *spec, unsigned long long v, char conv) {
    char fmt[64];
    snprintf(fmt, sizeof fmt, "%sll%c", spec, conv);
    printf(fmt, v);
}

static void out_signed(const char *spec, long long v) {
    char fmt[64];
    snprintf(fmt, sizeof fmt, "%slld", spec);
    printf(fmt, v);
}

static void directive(char conv, const char *spec, const char *path, const struct stat *st) {
    char buf[64];
    const char *name;
    switch (conv) {
    case 'a': out_num(spec, st->st_mode & 07777, 'o'); break;
    case 'A': fs_mode_string(st->st_mode, buf); out_str(spec, buf); break;
    case 'b': out_num(spec, fs_blocks(st), 'u'); break;
    case 'B': out_num(spec, 512, 'u'); break;
    case 'd': out_num(spec, (unsigned long long)st->st_dev, 'u'); break;
    case 'D': out_num(spec, (unsigned long long)st->st_dev, 'x'); break;
    case 'f': out_num(spec, st->st_mode, 'x'); break;
    case 'F': out_str(spec, fs_type_name(st->st_mode, (long long)st->st_size)); break;
    case 'g': out_num(spec, st->st_gid, 'u'); break;
    case 'G': name = fs_group_name(st->st_gid); out_str(spec, name ? name : "UNKNOWN"); break;
    case 'h': out_num(spec, (unsigned long long)st->st_nlink, 'u'); break;
    case 'i': out_num(spec, (unsigned long long)st->st_ino, 'u'); break;
    case 'm': out_str(spec, "/"); break;
    case 'n': out_str(spec, path); break;
    case 'N':
        print_quoted(path);
        if (S_ISLNK(st->st_mode)) {
            char target[PATH_MAX];
            ssize_t n = readlink(path, target, sizeof target - 1);
            if (n >= 0) {
                target[n] = '\0';
                fputs(" -> ", stdout);
                print_quoted(target);
            }
        }
        break;
    case 'o': out_num(spec, st->st_blksize > 0 ? (unsigned long long)st->st_blksize : 4096, 'u'); break;
    case 's': out_signed(spec, (long long)st->st_size); break;
    case 't': out_num(spec, (unsigned long long)(st->st_rdev >> 8) & 0xfff, 'x'); break;
    case 'T': out_num(spec, (unsigned long long)st->st_rdev & 0xff, 'x'); break;
    case 'u': out_num(spec, st->st_uid, 'u'); break;
    case 'U': name = fs_user_name(st->st_uid); out_str(spec, name ? name : "UNKNOWN"); break;
    case 'w': out_str(spec, "-"); break;
    case 'W': out_signed(spec, 0); break;
    case 'x': print_time(&st->st_atim); break;
    case 'X': out_signed(spec, (long long)st->st_atim.tv_sec); break;
    case 'y': print_time(&st->st_mtim); break;
    case 'Y': out_signed(spec, (long long)st->st_mtim.tv_sec); break;
    case 'z': print_time(&st->st_ctim); break;
    case 'Z': out_signed(spec, (long long)st->st_ctim.tv_sec); break;
    default: out_str(spec, "?"); break;
    }
}

/* Expands a --printf backslash escape at *p; returns the new position. */
static const char *escape(const char *p) {
    static const char from[] = "abefnrtv\\\"", to[] = "\a\b\033\f\n\r\t\v\\\"";
    const char *hit = *p ? strchr(from, *p) : NULL;
    if (hit) {
        putchar(to[hit - from]);
        return p + 1;
    }
    if (*p >= '0' && *p <= '7') {
        int v = 0, n = 0;
        while (n < 3 && *p >= '0' && *p <= '7') v = v * 8 + (*p++ - '0'), n++;
        putchar(v);
        return p;
    }
    if (*p == 'x' && strchr("0123456789abcdefABCDEF", p[1]) && p[1]) {
        char *end;
        char hex[3] = {p[1], p[2], 0};
        long v = strtol(hex, &end, 16);
        putchar((int)v);
        return p + 1 + (end - hex);
    }
    putchar('\\');
    return p;
}

static void print_format(const char *fmt, const char *path, const struct stat *st, int escapes) {
    for (const char *p = fmt; *p; p++) {
        if (escapes && *p == '\\') {
            p = escape(p + 1) - 1;
            continue;
        }
        if (*p != '%') {
            putchar(*p);
            continue;
        }
        if (p[1] == '%') {
            putchar('%');
            p++;
            continue;
        }
        char spec[32] = "%";
        size_t n = 1;
        const char *q = p + 1;
        while (*q && strchr("-+ #0'", *q) && n < 20) spec[n++] = *q++;
        while (*q >= '0' && *q <= '9' && n < 28) spec[n++] = *q++;
        spec[n] = '\0';
        if (!*q) {
            fputs(p, stdout);
            break;
        }
        directive(*q, spec, path, st);
        p = q;
    }
}

static void print_default(const char *path, const struct stat *st) {
    char mode[11];
    fs_mode_string(st->st_mode, mode);
    printf("  File: ");
    if (S_ISLNK(st->st_mode)) {
        char target[PATH_MAX];
        ssize_t n = readlink(path, target, sizeof target - 1);
        target[n > 0 ? n : 0] = '\0';
        printf("%s -> %s\n", path, target);
    } else {
        printf("%s\n", path);
    }
    printf("  Size: %-10lld\tBlocks: %-10llu IO Block: %-6lu %s\n", (long long)st->st_size, fs_blocks(st),
           (unsigned long)(st->st_blksize > 0 ? st->st_blksize : 4096), fs_type_name(st->st_mode, (long long)st->st_size));
    printf("Device: %llu,%llu\tInode: %-11llu Links: %llu\n", (unsigned long long)(st->st_dev >> 8) & 0xfff,
           (unsigned long long)st->st_dev & 0xff, (unsigned long long)st->st_ino, (unsigned long long)st->st_nlink);
    const char *user = fs_user_name(st->st_uid), *group = fs_group_name(st->st_gid);
    printf("Access: (%04o/%s)  Uid: (%5u/%8s)   Gid: (%5u/%8s)\n", st->st_mode & 07777, mode, st->st_uid,
           user ? user : "UNKNOWN", st->st_gid, group ? group : "UNKNOWN");
    printf("Access: ");
    print_time(&st->st_atim);
    printf("\nModify: ");
    print_time(&st->st_mtim);
    printf("\nChange: ");
    print_time(&st->st_ctim);
    printf("\n Birth: -\n");
}

int main_stat(int argc, char **argv) {
    enum { PRINTF = 256 };
    static const struct option longopts[] = {
        {"dereference", no_argument, NULL, 'L'}, {"format", required_argument, NULL, 'c'},
        {"printf", required_argument, NULL, PRINTF}, {"terse", no_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0}};
    int follow = 0, terse = 0, escapes = 0, c;
    const char *fmt = NULL;
    while ((c = se_getopt_long(argc, argv, "Lc:t", longopts, NULL)) != -1) {
        switch (c) {
        case 'L': follow = 1; break;
        case 'c': fmt = optarg; escapes = 0; break;
        case PRINTF: fmt = optarg; escapes = 1; break;
        case 't': terse = 1; break;
        case 'h':
            printf("Usage: stat [OPTION]... FILE...\nDisplay file status.\n\n"
                   "  -L, --dereference     follow links\n"
                   "  -c  --format=FORMAT   use the specified FORMAT instead of the default;\n"
                   "                          output a newline after each use of FORMAT\n"
                   "      --printf=FORMAT   like --format, but interpret backslash escapes,\n"
                   "                          and do not output a mandatory trailing newline\n"
                   "  -t, --terse           print the information in terse form\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    if (optind >= argc) {
        se_warn("missing operand");
        se_usage_error(1);
    }
    if (terse && !fmt) fmt = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o";
    int status = 0;
    for (int i = optind; i < argc; i++) {
        struct stat st;
        if (fs_stat(argv[i], &st, follow) != 0) {
            int e = errno;
            fflush(stdout);
            fprintf(stderr, "%s: cannot statx %s: %s\n", se_prog, quoteaf(argv[i]), se_strerror(e));
            status = 1;
            continue;
        }
        if (fmt) {
            print_format(fmt, argv[i], &st, escapes);
            if (!escapes) putchar('\n');
        } else {
            print_default(argv[i], &st);
        }
    }
    return status;
}
