/*
 * find-print.c: -printf and -ls. A directive's text is produced first,
 * then printed through a printf "%<flags><width>.<precision>s" built from
 * the directive, so widths and precisions behave as in GNU find.
 */
#include "find-print.h"

#include <limits.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common.h"
#include "fs-util.h"
#include "timefmt.h"

/* The last component of path with any trailing slashes it has ("dir/" stays "dir/"), as GNU's %f prints it. */
static void basename_of(const char *path, char *out, size_t cap) {
    size_t n = strlen(path), end = n;
    while (end > 1 && path[end - 1] == '/') end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/') start--;
    if (end == 1 && path[0] == '/') start = 0;
    snprintf(out, cap, "%s", path + start);
}

/* Writes a name as -ls shows it: backslash escapes for blanks, backslashes and control characters. */
static void put_escaped(FILE *out, const char *s) {
    static const char from[] = "\a\b\f\n\r\t\v", to[] = "abfnrtv";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const char *hit = *p ? strchr(from, *p) : NULL;
        if (*p == ' ' || *p == '\\') fprintf(out, "\\%c", *p);
        else if (hit) fprintf(out, "\\%c", to[hit - from]);
        else if (*p < 32 || *p >= 127) fprintf(out, "\\%03o", *p);
        else putc(*p, out);
    }
}

static void dirname_of(const char *path, char *out, size_t cap) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    const char *slash = NULL;
    for (size_t i = 0; i < n; i++)
        if (path[i] == '/') slash = path + i;
    if (!slash) snprintf(out, cap, ".");
    else snprintf(out, cap, "%.*s", (int)(slash - path), path);
}

static char type_char(unsigned mode) {
    if (S_ISREG(mode)) return 'f';
    if (S_ISDIR(mode)) return 'd';
    if (S_ISLNK(mode)) return 'l';
    if (S_ISFIFO(mode)) return 'p';
    if (S_ISSOCK(mode)) return 's';
    if (S_ISCHR(mode)) return 'c';
    if (S_ISBLK(mode)) return 'b';
    return 'U';
}

/* Renders a time directive (%a %c %t, or %A/%C/%T followed by a strftime letter or @ or +). */
static void time_text(const struct timespec *ts, char k, char *out, size_t cap) {
    struct tf_time t;
    tf_breakdown(&t, (long long)ts->tv_sec, ts->tv_nsec, 0);
    char frac[16];
    snprintf(frac, sizeof frac, "%09ld0", ts->tv_nsec);
    FILE *f = fmemopen(out, cap, "w");
    if (!f) {
        out[0] = '\0';
        return;
    }
    switch (k) {
    case '@': fprintf(f, "%lld.%s", (long long)ts->tv_sec, frac); break;
    case '+': tf_print(f, "%Y-%m-%d+%H:%M:%S.", &t); fputs(frac, f); break;
    case 'S': tf_print(f, "%S.", &t); fputs(frac, f); break;
    case 'T': tf_print(f, "%H:%M:%S.", &t); fputs(frac, f); break;
    case 0: tf_print(f, "%a %b %e %H:%M:%S.", &t); fprintf(f, "%s ", frac); tf_print(f, "%Y", &t); break;
    default: {
        char fmt[3] = {'%', k, 0};
        tf_print(f, fmt, &t);
        break;
    }
    }
    fclose(f);
}

/* The text of directive c (with its time letter k for %A %C %T); returns 0 for an unknown directive. */
static int directive(char c, char k, const struct find_file *f, char *out, size_t cap) {
    const struct stat *st = f->st;
    char buf[PATH_MAX];
    out[0] = '\0';
    switch (c) {
    case 'p': snprintf(out, cap, "%s", f->path); return 1;
    case 'f': basename_of(f->path, out, cap); return 1;
    case 'h': dirname_of(f->path, out, cap); if (!strcmp(f->path, "/")) out[0] = '\0'; return 1;
    case 'H': snprintf(out, cap, "%s", f->start); return 1;
    case 'P': {
        const char *rest = f->path + strlen(f->start);
        while (*rest == '/' && f->depth > 0) rest++;
        snprintf(out, cap, "%s", f->depth > 0 ? rest : "");
        return 1;
    }
    case 'd': snprintf(out, cap, "%d", f->depth); return 1;
    case '%': snprintf(out, cap, "%%"); return 1;
    default: break;
    }
    if (!st) return strchr("sbkmMnyYilugUGaAcCtT", c) != NULL;
    switch (c) {
    case 's': snprintf(out, cap, "%lld", (long long)st->st_size); return 1;
    case 'b': snprintf(out, cap, "%llu", fs_blocks(st)); return 1;
    case 'k': snprintf(out, cap, "%llu", (fs_blocks(st) + 1) / 2); return 1;
    case 'm': snprintf(out, cap, "%o", st->st_mode & 07777); return 1;
    case 'M': fs_mode_string(st->st_mode, buf); snprintf(out, cap, "%s", buf); return 1;
    case 'n': snprintf(out, cap, "%llu", (unsigned long long)st->st_nlink); return 1;
    case 'y': snprintf(out, cap, "%c", type_char(st->st_mode)); return 1;
    case 'Y': {
        struct stat t;
        char ch = type_char(st->st_mode);
        if (S_ISLNK(st->st_mode)) ch = fs_stat(f->path, &t, 1) == 0 ? type_char(t.st_mode) : 'N';
        snprintf(out, cap, "%c", ch);
        return 1;
    }
    case 'i': snprintf(out, cap, "%llu", (unsigned long long)st->st_ino); return 1;
    case 'l': {
        ssize_t n = S_ISLNK(st->st_mode) ? readlink(f->path, buf, sizeof buf - 1) : -1;
        snprintf(out, cap, "%.*s", n > 0 ? (int)n : 0, buf);
        return 1;
    }
    case 'u': case 'g': {
        unsigned id = c == 'u' ? st->st_uid : st->st_gid;
        const char *name = c == 'u' ? fs_user_name(id) : fs_group_name(id);
        if (name) snprintf(out, cap, "%s", name);
        else snprintf(out, cap, "%u", id);
        return 1;
    }
    case 'U': snprintf(out, cap, "%u", st->st_uid); return 1;
    case 'G': snprintf(out, cap, "%u", st->st_gid); return 1;
    case 'a': time_text(&st->st_atim, 0, out, cap); return 1;
    case 'c': time_text(&st->st_ctim, 0, out, cap); return 1;
    case 't': time_text(&st->st_mtim, 0, out, cap); return 1;
    case 'A': time_text(&st->st_atim, k, out, cap); return 1;
    case 'C': time_text(&st->st_ctim, k, out, cap); return 1;
    case 'T': time_text(&st->st_mtim, k, out, cap); return 1;
    default: return 0;
    }
}

/* Expands a backslash escape at p (just after the backslash) into out; returns the characters consumed. */
static int escape(const char *p, FILE *out) {
    static const char from[] = "abfnrtv\\", to[] = "\a\b\f\n\r\t\v\\";
    const char *hit = *p ? strchr(from, *p) : NULL;
    if (hit) {
        putc(to[hit - from], out);
        return 1;
    }
    if (*p == '0' || (*p >= '1' && *p <= '7')) {
        int v = 0, n = 0;
        while (n < 3 && p[n] >= '0' && p[n] <= '7') v = v * 8 + (p[n++] - '0');
        putc(v, out);
        return n;
    }
    if (*p == 'c') return -1;
    putc('\\', out);
    if (*p) putc(*p, out);
    return *p ? 1 : 0;
}

const char *find_printf_check(const char *fmt) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') continue;
        p++;
        while (*p && strchr("-+ #0", *p)) p++;
        while (*p >= '0' && *p <= '9') p++;
        if (*p == '.') {
            p++;
            while (*p >= '0' && *p <= '9') p++;
        }
        if (!*p) return "error: % at end of format string";
        if ((*p == 'A' || *p == 'C' || *p == 'T') && !p[1]) return "error: missing time specifier";
        if (*p == 'A' || *p == 'C' || *p == 'T') p++;
        else if (!strchr("pfhHPdsbkmMnyYilugUGactT%", *p)) {
            fflush(stdout);
            fprintf(stderr, "%s: warning: unrecognized format directive `%%%c'\n", se_prog, *p);
        }
    }
    return NULL;
}

void find_printf(FILE *out, const char *fmt, const struct find_file *f) {
    char text[PATH_MAX + 64];
    for (const char *p = fmt; *p; p++) {
        if (*p == '\\') {
            int n = escape(p + 1, out);
            if (n < 0) return;
            p += n;
            continue;
        }
        if (*p != '%') {
            putc(*p, out);
            continue;
        }
        const char *start = p++;
        char spec[40] = "%";
        size_t sn = 1;
        while (*p && strchr("-+ #0", *p) && sn < 30) spec[sn++] = *p++;
        while (((*p >= '0' && *p <= '9') || *p == '.') && sn < 36) spec[sn++] = *p++;
        spec[sn++] = 's';
        spec[sn] = '\0';
        if (!*p) break;
        char c = *p, k = 0;
        if ((c == 'A' || c == 'C' || c == 'T') && p[1]) k = *++p;
        if (c == '%') {
            putc('%', out);
            continue;
        }
        if (!directive(c, k, f, text, sizeof text)) {
            /* GNU prints an unknown directive as it stands. */
            fwrite(start, 1, (size_t)(p - start + 1), out);
            continue;
        }
        fprintf(out, spec, text);
    }
}

void find_ls(FILE *out, const struct find_file *f) {
    const struct stat *st = f->st;
    if (!st) return;
    char mode[11], date[64], user[32], group[32];
    fs_mode_string(st->st_mode, mode);
    const char *u = fs_user_name(st->st_uid), *g = fs_group_name(st->st_gid);
    if (u) snprintf(user, sizeof user, "%s", u);
    else snprintf(user, sizeof user, "%u", st->st_uid);
    if (g) snprintf(group, sizeof group, "%s", g);
    else snprintf(group, sizeof group, "%u", st->st_gid);
    struct tf_time t;
    tf_breakdown(&t, (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec, 0);
    long long now = (long long)time(NULL);
    int recent = st->st_mtim.tv_sec <= now && st->st_mtim.tv_sec > now - 31556952 / 2;
    FILE *d = fmemopen(date, sizeof date, "w");
    if (d) {
        tf_print(d, recent ? "%b %e %H:%M" : "%b %e  %Y", &t);
        fclose(d);
    }
    fprintf(out, "%9llu %6llu %s %3llu %-8s %-8s %8lld %s ", (unsigned long long)st->st_ino,
            (fs_blocks(st) + 1) / 2, mode, (unsigned long long)st->st_nlink, user, group, (long long)st->st_size,
            date);
    put_escaped(out, f->path);
    if (S_ISLNK(st->st_mode)) {
        char target[PATH_MAX];
        ssize_t n = readlink(f->path, target, sizeof target - 1);
        if (n >= 0) {
            target[n] = '\0';
            fputs(" -> ", out);
            put_escaped(out, target);
        }
    }
    putc('\n', out);
}
