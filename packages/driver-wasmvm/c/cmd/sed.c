/*
 * sed: the stream editor (GNU sed 4.x behaviour, LC_ALL=C). The script is
 * compiled by sed-compile.c; this file runs it: one line at a time into
 * the pattern space, with one line of look-ahead so `$` is known, the
 * append queue (a, r, R) flushed at the end of each cycle, and GNU's rule
 * that a last line without a newline is written back without one.
 * -i writes each file to a temporary file beside it and renames it over.
 */
#include "lib/common.h"
#include "lib/gnu-getopt.h"
#include "lib/se-kernel.h"
#include "lib/sed-script.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

SE_COMMAND(main_sed, "sed")

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void buf_reserve(buf *b, size_t n) {
    if (n + 1 > b->cap) {
        b->cap = (n + 1) * 2;
        b->p = xrealloc(b->p, b->cap);
    }
}

static void buf_add(buf *b, const char *s, size_t n) {
    buf_reserve(b, b->len + n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void buf_set(buf *b, const char *s, size_t n) {
    b->len = 0;
    buf_add(b, s, n);
}

/* The input: files read in turn as one stream (or one at a time with -s/-i), one line ahead. */
typedef struct input {
    char **files;
    int nfiles, next_file;
    int fd;
    se_reader rd;
    int open;
    const char *name;      /* the current file's name, for F */
    buf ahead;
    int ahead_nl, have_ahead;
    int ahead_new_file;    /* the look-ahead line is the first of another file */
    const char *ahead_name, *line_name; /* files of the look-ahead and current lines */
    char delim;
} input;

/* The run's state. */
typedef struct sed_run {
    sed_script *script;
    int quiet, separate, unbuffered, in_place, status, line_len;
    int posix;             /* --posix or POSIXLY_CORRECT: N at the end of input drops the pattern space */
    const char *suffix;
    char delim;
    input in;
    buf ps, hold, tmp;
    int ps_nl;             /* the pattern space's line had its newline */
    int hold_nl;           /* likewise for the hold space (copied and swapped with it, as GNU does) */
    long lineno;
    int replaced;
    se_regex *last_rx;
    sed_output out;        /* stdout, or the -i temporary file */
    buf append;            /* the append queue's text */
    int quit, exit_code;
} sed_run;

static sed_run *R;

static void output_missing_newline(sed_output *o) {
    if (o->missing_newline) {
        putc(R->delim, o->fp);
        o->missing_newline = 0;
    }
}

static void output_text(sed_output *o, const char *s, size_t n, int nl) {
    output_missing_newline(o);
    fwrite(s, 1, n, o->fp);
    if (nl) putc(R->delim, o->fp);
    else o->missing_newline = 1;
}

/* Writes text that carries its own line ends (a, i, c, r). */
static void output_raw(sed_output *o, const char *s, size_t n) {
    output_missing_newline(o);
    fwrite(s, 1, n, o->fp);
}

static int open_next_file(input *in) {
    while (in->next_file < in->nfiles) {
        const char *name = in->files[in->next_file++];
        int fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
        if (fd < 0) {
            fflush(stdout);
            fprintf(stderr, "sed: can't read %s: %s\n", name, strerror(errno));
            R->status = 2;
            continue;
        }
        struct stat st;
        if (fd != 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            fflush(stdout);
            fprintf(stderr, "sed: couldn't edit %s: not a regular file\n", name);
            close(fd);
            R->status = 2;
            continue;
        }
        in->fd = fd;
        in->name = name;
        se_reader_init(&in->rd, fd);
        in->open = 1;
        return 1;
    }
    return 0;
}

/* Reads the next line into the look-ahead slot; crosses into the next file when cross. */
static void fill_ahead(input *in, int cross) {
    in->have_ahead = 0;
    in->ahead_new_file = 0;
    for (;;) {
        if (!in->open) {
            if (!cross || !open_next_file(in)) return;
            in->ahead_new_file = 1;
        }
        size_t len;
        char *line = se_reader_line(&in->rd, in->delim, &len);
        if (line) {
            in->ahead_nl = len > 0 && line[len - 1] == in->delim;
            buf_set(&in->ahead, line, in->ahead_nl ? len - 1 : len);
            in->have_ahead = 1;
            in->ahead_name = in->name;
            return;
        }
        if (in->rd.err) {
            errno = in->rd.err;
            fflush(stdout);
            fprintf(stderr, "sed: read error on %s: %s\n", in->name, strerror(errno));
            R->status = 2;
        }
        se_reader_free(&in->rd);
        if (in->fd != 0) close(in->fd);
        in->open = 0;
        if (!cross) return;
    }
}

static void dump_append(void) {
    if (R->append.len) {
        output_raw(&R->out, R->append.p, R->append.len);
        R->append.len = 0;
    }
}

/* -s/-i: each file starts with fresh ranges (0,/re/ active again) and an empty hold space, as GNU sed does. */
static void reset_ranges(void) {
    R->hold.len = 0;
    R->hold_nl = 1;
    for (size_t i = 0; i < R->script->n; i++) {
        sed_cmd *c = &R->script->cmds[i];
        c->range = c->a1.type == SA_ZERO ? RANGE_ACTIVE : RANGE_INACTIVE;
    }
}

/* Moves the look-ahead line into the pattern space (appending with N). */
static int read_pattern_space(int append) {
    if (!R->in.have_ahead) return 0;
    dump_append();
    if (R->separate && R->in.ahead_new_file) {
        /* -s: a new file starts again at line 1, with fresh ranges and hold space. */
        R->lineno = 0;
        reset_ranges();
    }
    R->in.line_name = R->in.ahead_name;
    if (append) {
        buf_add(&R->ps, &R->delim, 1);
        buf_add(&R->ps, R->in.ahead.p, R->in.ahead.len);
    } else {
        buf_set(&R->ps, R->in.ahead.p, R->in.ahead.len);
    }
    R->ps_nl = R->in.ahead_nl;
    R->lineno++;
    fill_ahead(&R->in, !R->in_place);
    return 1;
}

/* `$`: the last line of the input, or of each file with -s/-i. */
static int is_last_line(void) { return !R->in.have_ahead || (R->separate && R->in.ahead_new_file); }

static int regex_matches(se_regex *rx) {
    if (!rx) rx = R->last_rx;
    if (!rx) {
        fflush(stdout);
        fputs("sed: no previous regular expression\n", stderr);
        exit(1);
    }
    R->last_rx = rx;
    return se_regex_search(rx, R->ps.p, R->ps.len, 0, 0, NULL, 0) == 0;
}

static int match_one(sed_addr *a) {
    long l = R->lineno;
    switch (a->type) {
    case SA_LINE: return l == a->n;
    case SA_LAST: return is_last_line();
    case SA_REGEX: return regex_matches(a->rx);
    case SA_STEP: return a->step <= 0 ? l == a->n : l >= a->n && (l - a->n) % a->step == 0;
    default: return 0;
    }
}

/* The state of a range once it has ended: line-number starts cannot match again. */
static int range_after(const sed_cmd *c) {
    return c->a1.type == SA_ZERO || c->a1.type == SA_LINE ? RANGE_CLOSED : RANGE_INACTIVE;
}

/* GNU's address rules, including the range state kept in the command. */
static int match_address(sed_cmd *c) {
    if (c->a1.type == SA_NONE) return 1;
    long l = R->lineno;
    if (c->a2.type == SA_NONE) return match_one(&c->a1);
    /* N,M: the lines numbered N to M (just N when M < N), however they are reached. */
    if (c->a1.type == SA_LINE && c->a2.type == SA_LINE) {
        long last = c->a2.n > c->a1.n ? c->a2.n : c->a1.n;
        int in = l >= c->a1.n && l <= last;
        c->range = in && l < last ? RANGE_ACTIVE : RANGE_INACTIVE; /* c prints at the range's last line */
        return in;
    }
    if (c->range == RANGE_CLOSED) return 0;
    if (c->range == RANGE_ACTIVE) {
        switch (c->a2.type) {
        case SA_LINE:
            /* Past the end line (lines were skipped): this line is in only if it starts the range anew. */
            if (l >= c->a2.n) c->range = range_after(c);
            if (l > c->a2.n) return c->a1.type != SA_LINE && match_one(&c->a1) ? (c->range = RANGE_INACTIVE, 1) : 0;
            return 1;
        case SA_PLUS:
        case SA_TILDE:
            if (l >= c->range_end) c->range = range_after(c);
            return 1;
        default:
            if (match_one(&c->a2)) c->range = range_after(c);
            return 1;
        }
    }
    /* A range from line N starts at the first cycle at or past N (N may have been read by n or N), once. */
    int numeric = c->a1.type == SA_LINE;
    if (numeric ? l < c->a1.n : !match_one(&c->a1)) return 0;
    if (numeric) c->range = RANGE_CLOSED;
    switch (c->a2.type) {
    case SA_LINE:
        if (c->a2.n <= l) return 1;
        break;
    case SA_PLUS:
        if (c->a2.n == 0) return 1;
        c->range_end = l + c->a2.n;
        break;
    case SA_TILDE:
        /* Up to the next line whose number is a multiple of N (after this one). */
        if (c->a2.n == 0) return 1;
        c->range_end = (l / c->a2.n + 1) * c->a2.n;
        break;
    case SA_LAST:
        if (is_last_line()) return 1;
        break;
    }
    c->range = RANGE_ACTIVE;
    return 1;
}

static void case_add(buf *out, const char *s, size_t n, int *mode, int *once) {
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (*once) {
            ch = (unsigned char)(*once == RP_UPPER1 ? toupper(ch) : tolower(ch));
            *once = 0;
        } else if (*mode == RP_UPPER) {
            ch = (unsigned char)toupper(ch);
        } else if (*mode == RP_LOWER) {
            ch = (unsigned char)tolower(ch);
        }
        char c = (char)ch;
        buf_add(out, &c, 1);
    }
}

static void append_replacement(sed_cmd *c, buf *out, const regmatch_t *m) {
    int mode = 0, once = 0;
    for (size_t i = 0; i < c->nrepl; i++) {
        sed_repl *r = &c->repl[i];
        switch (r->kind) {
        case RP_TEXT: case_add(out, r->text, r->len, &mode, &once); break;
        case RP_GROUP:
            if (m[r->group].rm_so >= 0)
                case_add(out, R->ps.p + m[r->group].rm_so, (size_t)(m[r->group].rm_eo - m[r->group].rm_so), &mode, &once);
            break;
        case RP_UPPER: case RP_LOWER: mode = r->kind; once = 0; break;
        case RP_UPPER1: case RP_LOWER1: once = r->kind; break;
        case RP_END_CASE: mode = 0; once = 0; break;
        }
    }
}

/*
 * e and s///e: runs CMD with sh -c (any kernel command, through se_spawn).
 * Its output replaces the pattern space, less a final newline (INTO_PS), or
 * goes straight to the output.
 */
static void run_shell(const char *cmd, int into_ps) {
    int fds[2];
    fflush(R->out.fp);
    fflush(stdout);
    char *argv[] = {"sh", "-c", (char *)cmd, NULL};
    int pid = -1;
    if (se_pipe(fds) == 0) {
        pid = se_spawn(argv, NULL, NULL, 0, fds[1], 2);
        close(fds[1]);
        if (pid < 0) close(fds[0]);
    }
    if (pid < 0) {
        fflush(stdout);
        fputs("sed: error in subprocess\n", stderr);
        exit(4);
    }
    if (into_ps) R->tmp.len = 0;
    else output_missing_newline(&R->out);
    char chunk[4096];
    ssize_t n;
    while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (into_ps) buf_add(&R->tmp, chunk, (size_t)n);
        else fwrite(chunk, 1, (size_t)n, R->out.fp);
    }
    close(fds[0]);
    se_waitpid(pid, NULL, 0);
    if (!into_ps) {
        fflush(R->out.fp);
        return;
    }
    if (R->tmp.len && R->tmp.p[R->tmp.len - 1] == R->delim) R->tmp.len--;
    buf swap = R->ps;
    R->ps = R->tmp;
    R->tmp = swap;
}

/* Runs the pattern space as a command (e, s///e): it needs its terminating NUL. */
static void run_pattern_space(void) {
    buf_add(&R->ps, "", 1);
    R->ps.len--;
    run_shell(R->ps.p, 1);
}

static void substitute(sed_cmd *c) {
    se_regex *rx = c->rx ? c->rx : R->last_rx;
    if (!rx) {
        fflush(stdout);
        fputs("sed: no previous regular expression\n", stderr);
        exit(1);
    }
    R->last_rx = rx;
    regmatch_t m[10];
    size_t start = 0, copied = 0, prev_end = (size_t)-1, len = R->ps.len;
    int count = 0, did = 0;
    buf *out = &R->tmp;
    out->len = 0;
    while (start <= len) {
        if (se_regex_search(rx, R->ps.p, len, start, 10, m, 0) != 0) break;
        size_t so = (size_t)m[0].rm_so, eo = (size_t)m[0].rm_eo;
        if (so == eo && so == prev_end) {
            start = so + 1;
            continue;
        }
        if (++count >= c->nth) {
            buf_add(out, R->ps.p + copied, so - copied);
            append_replacement(c, out, m);
            copied = eo;
            did = 1;
            if (!c->global) break;
        }
        prev_end = eo;
        start = so == eo ? eo + 1 : eo;
    }
    if (!did) return;
    buf_add(out, R->ps.p + copied, len - copied);
    buf swap = R->ps;
    R->ps = *out;
    *out = swap;
    R->replaced = 1;
    if (c->eval) run_pattern_space();
    if (c->print) output_text(&R->out, R->ps.p, R->ps.len, R->ps_nl);
    if (c->out) output_text(c->out, R->ps.p, R->ps.len, R->ps_nl);
}

static void list_line(sed_cmd *c) {
    int width = c->code >= 0 ? c->code : R->line_len;
    sed_output *o = &R->out;
    output_missing_newline(o);
    int col = 0;
    for (size_t i = 0; i < R->ps.len; i++) {
        unsigned char ch = (unsigned char)R->ps.p[i];
        char rep[8];
        const char *esc = NULL;
        switch (ch) {
        case '\\': esc = "\\\\"; break;
        case '\a': esc = "\\a"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\v': esc = "\\v"; break;
        }
        if (esc) strcpy(rep, esc);
        else if (isprint(ch)) rep[0] = (char)ch, rep[1] = 0;
        else snprintf(rep, sizeof rep, "\\%03o", ch);
        int n = (int)strlen(rep);
        if (width > 0 && col + n > width - 1) {
            fputs("\\\n", o->fp);
            col = 0;
        }
        fputs(rep, o->fp);
        col += n;
    }
    fputs("$\n", o->fp);
}

static void queue_file(const char *name) {
    FILE *f = fopen(name, "r");
    if (!f) return;
    char tmp[8192];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) buf_add(&R->append, tmp, n);
    fclose(f);
}

static void queue_line(sed_cmd *c) {
    if (c->rfile_done) return;
    if (!c->rfile && !(c->rfile = fopen(c->text, "r"))) {
        c->rfile_done = 1;
        return;
    }
    int ch, any = 0;
    while ((ch = getc(c->rfile)) != EOF) {
        char b = (char)ch;
        buf_add(&R->append, &b, 1);
        any = 1;
        if (ch == '\n') break;
    }
    if (!any) c->rfile_done = 1;
    else if (R->append.p[R->append.len - 1] != '\n') buf_add(&R->append, "\n", 1);
}

enum { CYCLE_END, CYCLE_DELETE, CYCLE_RESTART, CYCLE_QUIT, CYCLE_QUIT_SILENT };

/* Runs the script over the pattern space once. */
static int run_script(void) {
    sed_script *s = R->script;
    size_t pc = 0;
    while (pc < s->n) {
        sed_cmd *c = &s->cmds[pc];
        int m = match_address(c);
        if (c->negate) m = !m;
        if (!m) {
            pc = c->name == '{' ? c->jump + 1 : pc + 1;
            continue;
        }
        pc++;
        switch (c->name) {
        case '{': case '}': case ':': break;
        case '=': output_missing_newline(&R->out); fprintf(R->out.fp, "%ld\n", R->lineno); break;
        case 'a': buf_add(&R->append, c->text, c->text_len); break;
        case 'i': output_raw(&R->out, c->text, c->text_len); break;
        case 'c':
            if (c->a2.type == SA_NONE || c->range != RANGE_ACTIVE) output_raw(&R->out, c->text, c->text_len);
            return CYCLE_DELETE;
        case 'd': return CYCLE_DELETE;
        case 'D': {
            char *nl = memchr(R->ps.p, R->delim, R->ps.len);
            if (!nl) return CYCLE_DELETE;
            size_t cut = (size_t)(nl - R->ps.p) + 1;
            memmove(R->ps.p, R->ps.p + cut, R->ps.len - cut);
            R->ps.len -= cut;
            return CYCLE_RESTART;
        }
        case 'p': output_text(&R->out, R->ps.p, R->ps.len, R->ps_nl); break;
        case 'P': {
            char *nl = memchr(R->ps.p, R->delim, R->ps.len);
            output_text(&R->out, R->ps.p, nl ? (size_t)(nl - R->ps.p) : R->ps.len, nl ? 1 : R->ps_nl);
            break;
        }
        case 'n':
            if (!R->in.have_ahead) return CYCLE_QUIT;
            if (!R->quiet) output_text(&R->out, R->ps.p, R->ps.len, R->ps_nl);
            read_pattern_space(0);
            break;
        case 'N':
            if (!R->in.have_ahead) return R->posix ? CYCLE_QUIT_SILENT : CYCLE_QUIT;
            read_pattern_space(1);
            break;
        case 'g':
            buf_set(&R->ps, R->hold.p ? R->hold.p : "", R->hold.len);
            R->ps_nl = R->hold_nl;
            break;
        case 'G':
            buf_add(&R->ps, &R->delim, 1);
            buf_add(&R->ps, R->hold.p ? R->hold.p : "", R->hold.len);
            R->ps_nl = R->hold_nl;
            break;
        case 'h':
            buf_set(&R->hold, R->ps.p, R->ps.len);
            R->hold_nl = R->ps_nl;
            break;
        case 'H':
            buf_add(&R->hold, &R->delim, 1);
            buf_add(&R->hold, R->ps.p, R->ps.len);
            R->hold_nl = R->ps_nl;
            break;
        case 'x': {
            buf t = R->ps;
            R->ps = R->hold;
            R->hold = t;
            buf_reserve(&R->ps, R->ps.len);
            int nl = R->ps_nl;
            R->ps_nl = R->hold_nl;
            R->hold_nl = nl;
            break;
        }
        case 'z': R->ps.len = 0; break;
        case 'l': list_line(c); break;
        case 'F': {
            const char *name = R->in.line_name ? R->in.line_name : "-";
            output_text(&R->out, name, strlen(name), 1);
            break;
        }
        case 'q':
            R->exit_code = c->code > 0 ? c->code : 0;
            R->ps_nl = 1; /* q writes the pattern space with its newline */
            return CYCLE_QUIT;
        case 'Q': R->exit_code = c->code > 0 ? c->code : 0; return CYCLE_QUIT_SILENT;
        case 'r': queue_file(c->text); break;
        case 'R': queue_line(c); break;
        case 'w': output_text(c->out, R->ps.p, R->ps.len, R->ps_nl); break;
        case 'W': {
            char *nl = memchr(R->ps.p, R->delim, R->ps.len);
            output_text(c->out, R->ps.p, nl ? (size_t)(nl - R->ps.p) : R->ps.len, 1);
            break;
        }
        case 's': substitute(c); break;
        case 'e':
            if (*c->text) run_shell(c->text, 0);
            else run_pattern_space();
            break;
        case 'y':
            for (size_t i = 0; i < R->ps.len; i++) R->ps.p[i] = (char)c->ymap[(unsigned char)R->ps.p[i]];
            break;
        case 'b': pc = c->jump; break;
        case 't':
            if (R->replaced) {
                R->replaced = 0;
                pc = c->jump;
            }
            break;
        case 'T':
            if (!R->replaced) pc = c->jump;
            else R->replaced = 0;
            break;
        }
        if (c->out && R->unbuffered) fflush(c->out->fp);
    }
    return CYCLE_END;
}

/* Processes the input until it ends or a q/Q command. */
static void process(void) {
    while (!R->quit && read_pattern_space(0)) {
        R->replaced = 0;
        int r;
        do {
            r = run_script();
            if (r == CYCLE_RESTART) dump_append();
        } while (r == CYCLE_RESTART);
        if (r == CYCLE_END || r == CYCLE_QUIT)
            if (!R->quiet) output_text(&R->out, R->ps.p, R->ps.len, R->ps_nl);
        dump_append();
        if (R->unbuffered) fflush(R->out.fp);
        if (r == CYCLE_QUIT || r == CYCLE_QUIT_SILENT) R->quit = 1;
    }
}

static void edit_in_place(const char *path) {
    R->in.files = (char **)&path;
    R->in.nfiles = 1;
    R->in.next_file = 0;
    R->lineno = 0;
    reset_ranges();
    if (!open_next_file(&R->in)) return;
    size_t n = strlen(path);
    char *tmp = xmalloc(n + 16);
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        sprintf(tmp, "%.*ssed%06d", dirlen, path, (int)((unsigned)rand() % 1000000));
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0644);
    }
    if (fd < 0) {
        fflush(stdout);
        fprintf(stderr, "sed: couldn't open temporary file %s: %s\n", tmp, strerror(errno));
        exit(4);
    }
    unsigned mode, uid, gid;
    if (se_stat_ext(path, 1, &mode, &uid, &gid) == 0) se_chmod(tmp, mode & 07777);
    R->out.fp = fdopen(fd, "w");
    R->out.missing_newline = 0;
    fill_ahead(&R->in, 0);
    process();
    if (R->in.open) {
        se_reader_free(&R->in.rd);
        close(R->in.fd);
        R->in.open = 0;
    }
    if (fclose(R->out.fp) != 0) se_die_errno(4, tmp);
    if (R->suffix && *R->suffix) {
        char *backup;
        if (strchr(R->suffix, '*')) {
            const char *base = slash ? slash + 1 : path;
            size_t cap = strlen(R->suffix) * (strlen(base) + 1) + (size_t)dirlen + 1;
            backup = xmalloc(cap);
            size_t k = 0;
            if (!strchr(R->suffix, '/')) memcpy(backup, path, (size_t)dirlen), k = (size_t)dirlen;
            for (const char *s = R->suffix; *s; s++) {
                if (*s == '*') k += (size_t)sprintf(backup + k, "%s", base);
                else backup[k++] = *s;
            }
            backup[k] = 0;
        } else {
            backup = xmalloc(n + strlen(R->suffix) + 1);
            sprintf(backup, "%s%s", path, R->suffix);
        }
        if (rename(path, backup) != 0) se_die_errno(4, backup);
        free(backup);
    }
    if (rename(tmp, path) != 0) se_die_errno(4, path);
    free(tmp);
    R->out.fp = stdout;
}

static void usage(FILE *f) {
    fputs("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n"
          "\n"
          "  -n, --quiet, --silent\n"
          "                 suppress automatic printing of pattern space\n"
          "      --debug\n"
          "                 annotate program execution\n"
          "  -e script, --expression=script\n"
          "                 add the script to the commands to be executed\n"
          "  -f script-file, --file=script-file\n"
          "                 add the contents of script-file to the commands to be executed\n"
          "  --follow-symlinks\n"
          "                 follow symlinks when processing in place\n"
          "  -i[SUFFIX], --in-place[=SUFFIX]\n"
          "                 edit files in place (makes backup if SUFFIX supplied)\n"
          "  -l N, --line-length=N\n"
          "                 specify the desired line-wrap length for the `l' command\n"
          "  --posix\n"
          "                 disable all GNU extensions.\n"
          "  -E, -r, --regexp-extended\n"
          "                 use extended regular expressions in the script\n"
          "                 (for portability use POSIX -E).\n"
          "  -s, --separate\n"
          "                 consider files as separate rather than as a single,\n"
          "                 continuous long stream.\n"
          "      --sandbox\n"
          "                 operate in sandbox mode (disable e/r/w commands).\n"
          "  -u, --unbuffered\n"
          "                 load minimal amounts of data from the input files and flush\n"
          "                 the output buffers more often\n"
          "  -z, --null-data\n"
          "                 separate lines by NUL characters\n"
          "      --help     display this help and exit\n"
          "      --version  output version information and exit\n"
          "\n"
          "If no -e, --expression, -f, or --file option is given, then the first\n"
          "non-option argument is taken as the sed script to interpret.  All\n"
          "remaining arguments are names of input files; if no input files are\n"
          "specified, then the standard input is read.\n"
          "\n"
          "GNU sed home page: <https://www.gnu.org/software/sed/>.\n"
          "General help using GNU software: <https://www.gnu.org/gethelp/>.\n",
          f);
}

static char *read_script_file(const char *path, size_t *len) {
    int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
    if (fd < 0) {
        fflush(stdout);
        fprintf(stderr, "sed: couldn't open file %s: %s\n", path, strerror(errno));
        exit(1);
    }
    size_t n = 0, cap = 4096;
    char *data = xmalloc(cap);
    ssize_t r;
    while ((r = read(fd, data + n, cap - n)) > 0) {
        n += (size_t)r;
        if (n == cap) data = xrealloc(data, cap *= 2);
    }
    if (fd != 0) close(fd);
    if (n > 0 && data[n - 1] == '\n') n--;
    *len = n;
    return data;
}

enum { OPT_HELP = 256, OPT_POSIX, OPT_DEBUG, OPT_SANDBOX, OPT_FOLLOW, OPT_VERSION };

static const struct option long_opts[] = {
    {"quiet", no_argument, 0, 'n'}, {"silent", no_argument, 0, 'n'},
    {"expression", required_argument, 0, 'e'}, {"file", required_argument, 0, 'f'},
    {"in-place", optional_argument, 0, 'i'}, {"line-length", required_argument, 0, 'l'},
    {"regexp-extended", no_argument, 0, 'E'}, {"separate", no_argument, 0, 's'},
    {"unbuffered", no_argument, 0, 'u'}, {"null-data", no_argument, 0, 'z'},
    {"zero-terminated", no_argument, 0, 'z'}, {"help", no_argument, 0, OPT_HELP},
    {"posix", no_argument, 0, OPT_POSIX}, {"debug", no_argument, 0, OPT_DEBUG},
    {"sandbox", no_argument, 0, OPT_SANDBOX}, {"follow-symlinks", no_argument, 0, OPT_FOLLOW},
    {"version", no_argument, 0, OPT_VERSION}, {0, 0, 0, 0},
};

int main_sed(int argc, char **argv) {
    static sed_run run;
    static sed_script script;
    memset(&run, 0, sizeof run);
    memset(&script, 0, sizeof script);
    R = &run;
    R->script = &script;
    R->line_len = 70;
    R->delim = '\n';
    R->hold_nl = 1;
    R->posix = getenv("POSIXLY_CORRECT") != NULL;
    sed_source *src = xcalloc((size_t)argc + 1, sizeof *src);
    size_t nsrc = 0;
    int nexpr = 0, extended = 0, c;
    while ((c = se_gnu_getopt(argc, argv, "nrsuzEe:f:i::l:", long_opts)) != -1) {
        switch (c) {
        case 'n': R->quiet = 1; break;
        case 'e':
            src[nsrc].text = optarg;
            src[nsrc].len = strlen(optarg);
            src[nsrc++].expr_index = ++nexpr;
            break;
        case 'f':
            src[nsrc].text = read_script_file(optarg, &src[nsrc].len);
            src[nsrc++].file = optarg;
            break;
        case 'i': R->in_place = 1; R->separate = 1; R->suffix = optarg; break;
        case 'l': R->line_len = atoi(optarg); break;
        case 'E': case 'r': extended = 1; break;
        case 's': R->separate = 1; break;
        case 'u': R->unbuffered = 1; break;
        case 'z': R->delim = '\0'; break;
        case OPT_HELP: usage(stdout); return 0;
        case OPT_VERSION: se_version(0);
        case OPT_POSIX: R->posix = 1; break;
        case OPT_SANDBOX: script.sandbox = 1; break;
        case OPT_DEBUG: case OPT_FOLLOW: break;
        default: usage(stderr); return 1;
        }
    }
    if (nsrc == 0) {
        if (optind >= argc) {
            usage(stderr);
            return 1;
        }
        src[0].text = argv[optind++];
        src[0].len = strlen(src[0].text);
        src[0].expr_index = 1;
        nsrc = 1;
    }
    sed_compile(&script, src, nsrc, extended ? SE_RX_ERE : 0);
    if (script.quiet_marker) R->quiet = 1;
    R->out.fp = stdout;
    R->in.delim = R->delim;
    char *dash = "-";
    char **files = optind < argc ? argv + optind : &dash;
    int nfiles = optind < argc ? argc - optind : 1;
    if (R->in_place) {
        if (optind >= argc) se_die(1, "no input files");
        for (int i = 0; i < nfiles && !R->quit; i++) edit_in_place(files[i]);
    } else {
        R->in.files = files;
        R->in.nfiles = nfiles;
        fill_ahead(&R->in, 1);
        process();
    }
    for (size_t i = 0; i < script.nout; i++)
        if (script.outputs[i]->fp != stdout && script.outputs[i]->fp != stderr) fclose(script.outputs[i]->fp);
    if (se_flush_stdout()) return 4;
    return R->exit_code ? R->exit_code : R->status;
}
