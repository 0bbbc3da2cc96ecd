/*
 * sed-compile.c: the sed script parser (see sed-script.h). The -e and -f
 * sources are joined with newlines, as GNU sed joins them, and parsed in
 * one pass; an error names the expression or file it came from and the
 * character reached ("-e expression #1, char 5: unterminated `s' command").
 */
#include "sed-script.h"
#include "common.h"
#include "version-compare.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    char *buf;
    size_t len, pos;
    const sed_source *src;
    size_t nsrc;
    size_t *starts;        /* offset of each source in buf */
    int rxflags;
    sed_script *s;
} parser;

static _Noreturn void fail_at(parser *p, size_t pos, const char *msg) {
    size_t k = 0;
    while (k + 1 < p->nsrc && pos > p->starts[k + 1] - 1) k++;
    const sed_source *src = &p->src[k];
    size_t off = pos - p->starts[k];
    fflush(stdout);
    if (src->file) {
        size_t line = 1;
        for (size_t i = 0; i < off && i < src->len; i++)
            if (src->text[i] == '\n') line++;
        fprintf(stderr, "sed: file %s line %zu: %s\n", src->file, line, msg);
    } else {
        fprintf(stderr, "sed: -e expression #%d, char %zu: %s\n", src->expr_index, off, msg);
    }
    exit(1);
}

static _Noreturn void fail(parser *p, const char *msg) { fail_at(p, p->pos, msg); }

static int peek(parser *p) { return p->pos < p->len ? (unsigned char)p->buf[p->pos] : EOF; }

static int next(parser *p) { return p->pos < p->len ? (unsigned char)p->buf[p->pos++] : EOF; }

static void skip_blanks(parser *p) {
    while (peek(p) == ' ' || peek(p) == '\t') p->pos++;
}

typedef struct text {
    char *p;
    size_t len, cap;
} text;

static void tput(text *t, char c) {
    if (t->len + 2 > t->cap) t->p = xrealloc(t->p, t->cap = t->cap * 2 + 16);
    t->p[t->len++] = c;
    t->p[t->len] = 0;
}

/* A GNU sed escape after a backslash in text (d already read); returns the byte. */
static int text_escape(parser *p, int d) {
    switch (d) {
    case 'a': return '\a';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case 'c':
        if (peek(p) != EOF) return toupper(next(p)) ^ 0x40;
        return 'c';
    case 'd': case 'o': case 'x': {
        int base = d == 'd' ? 10 : d == 'o' ? 8 : 16, maxd = d == 'x' ? 2 : 3, v = 0, n = 0;
        while (n < maxd && peek(p) != EOF) {
            int c = peek(p);
            int dig = isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : 99;
            if (dig >= base) break;
            v = v * base + dig;
            p->pos++;
            n++;
        }
        return n ? (v & 0xff) : d;
    }
    default: return d;
    }
}

/*
 * Reads up to an unescaped DELIM; `\DELIM` becomes a literal DELIM (escaped
 * if it is special in the regex syntax), other escapes stay for the regex
 * translator. Returns NULL at the end of the script.
 */
static char *read_regex(parser *p, int delim, size_t *len) {
    text t = {0};
    tput(&t, 0);
    t.len = 0;
    const char *special = p->rxflags & SE_RX_ERE ? ".*[]^$\\|+?(){}" : ".*[]^$\\";
    for (;;) {
        int c = next(p);
        if (c == EOF) {
            free(t.p);
            return NULL;
        }
        if (c == delim) break;
        if (c == '\\') {
            int d = next(p);
            if (d == EOF) {
                free(t.p);
                return NULL;
            }
            if (d == delim) {
                if (strchr(special, d)) tput(&t, '\\');
                tput(&t, (char)d);
            } else if (d == '\n') {
                tput(&t, '\n');
            } else {
                tput(&t, '\\');
                tput(&t, (char)d);
            }
            continue;
        }
        tput(&t, (char)c);
    }
    *len = t.len;
    return t.p;
}

/* Compiles regex text; empty text means the last regex used (NULL). */
static se_regex *compile_regex(parser *p, char *re, size_t len, int extra) {
    if (len == 0) {
        free(re);
        return NULL;
    }
    se_regex *rx = xcalloc(1, sizeof *rx);
    const char *err = se_regex_compile(rx, re, len, p->rxflags | SE_RX_SED | extra);
    free(re);
    if (err) fail(p, err);
    return rx;
}

static long read_number(parser *p) {
    long v = 0;
    while (isdigit(peek(p))) v = v * 10 + (next(p) - '0');
    return v;
}

static int parse_addr(parser *p, sed_addr *a) {
    int c = peek(p);
    if (isdigit(c)) {
        a->n = read_number(p);
        if (peek(p) == '~') {
            p->pos++;
            a->step = read_number(p);
            a->type = SA_STEP;
        } else {
            a->type = a->n == 0 ? SA_ZERO : SA_LINE;
        }
        return 1;
    }
    if (c == '$') {
        p->pos++;
        a->type = SA_LAST;
        return 1;
    }
    if (c == '/' || c == '\\') {
        p->pos++;
        int delim = c == '\\' ? next(p) : '/';
        if (delim == EOF || delim == '\n') fail(p, "unterminated address regex");
        size_t len;
        char *re = read_regex(p, delim, &len);
        if (!re) fail(p, "unterminated address regex");
        int extra = 0;
        for (;;) {
            if (peek(p) == 'I') extra |= SE_RX_ICASE;
            else if (peek(p) == 'M') extra |= SE_RX_NEWLINE;
            else break;
            p->pos++;
        }
        a->type = SA_REGEX;
        a->rx = compile_regex(p, re, len, extra);
        return 1;
    }
    return 0;
}

static sed_output *get_output(parser *p, const char *name) {
    sed_script *s = p->s;
    for (size_t i = 0; i < s->nout; i++)
        if (strcmp(s->outputs[i]->name, name) == 0) return s->outputs[i];
    sed_output *o = xcalloc(1, sizeof *o);
    o->name = xstrdup(name);
    if (strcmp(name, "/dev/stdout") == 0) o->fp = stdout;
    else if (strcmp(name, "/dev/stderr") == 0) o->fp = stderr;
    else if (!(o->fp = fopen(name, "w"))) {
        fflush(stdout);
        fprintf(stderr, "sed: couldn't open file %s: %s\n", name, strerror(errno));
        exit(4);
    }
    s->outputs = xrealloc(s->outputs, (s->nout + 1) * sizeof *s->outputs);
    s->outputs[s->nout++] = o;
    return o;
}

/* Reads a file name: the rest of the line. */
/* Reads the rest of the line (an r R w W file name, an e command); OPTIONAL allows it to be empty. */
static char *read_rest(parser *p, int optional) {
    skip_blanks(p);
    text t = {0};
    tput(&t, 0);
    t.len = 0;
    while (peek(p) != EOF && peek(p) != '\n') tput(&t, (char)next(p));
    if (peek(p) == '\n') p->pos++;
    if (t.len == 0 && !optional) fail(p, "missing filename in r/R/w/W commands");
    return t.p;
}

static char *read_filename(parser *p) { return read_rest(p, 0); }

static void check_sandbox(parser *p) {
    if (p->s->sandbox) fail(p, "e/r/w commands disabled in sandbox mode");
}

/* Reads a label for : b t T; stops at ; newline or blank (and } for jumps). */
static char *read_label(parser *p, int jump) {
    skip_blanks(p);
    text t = {0};
    for (int c; (c = peek(p)) != EOF && c != '\n' && c != ';' && c != ' ' && c != '\t' && !(jump && c == '}');)
        tput(&t, (char)next(p));
    return t.p;
}

/* Reads the text of a, i, c (one-liner or backslash-newline forms). */
static void read_text(parser *p, sed_cmd *cmd) {
    skip_blanks(p);
    if (peek(p) == '\\') {
        p->pos++;
        if (peek(p) == '\n') p->pos++;
    } else if (peek(p) == EOF || peek(p) == '\n') {
        fail(p, "expected \\ after `a', `c' or `i'");
    }
    text t = {0};
    for (;;) {
        int c = next(p);
        if (c == EOF || c == '\n') break;
        if (c == '\\') {
            int d = next(p);
            if (d == EOF) break;
            tput(&t, d == '\n' ? '\n' : (char)text_escape(p, d));
            continue;
        }
        tput(&t, (char)c);
    }
    if (t.len) tput(&t, '\n');
    cmd->text = t.p;
    cmd->text_len = t.len;
}

static void add_repl(sed_cmd *cmd, int kind, int group, text *lit) {
    if (lit && lit->len == 0) return;
    cmd->repl = xrealloc(cmd->repl, (cmd->nrepl + 1) * sizeof *cmd->repl);
    sed_repl *r = &cmd->repl[cmd->nrepl++];
    r->kind = kind;
    r->group = group;
    r->text = NULL;
    r->len = 0;
    if (lit) {
        r->text = lit->p;
        r->len = lit->len;
        memset(lit, 0, sizeof *lit);
    }
}

static void read_replacement(parser *p, sed_cmd *cmd, int delim) {
    text t = {0};
    for (;;) {
        int c = next(p);
        if (c == EOF || c == '\n') fail(p, "unterminated `s' command");
        if (c == delim) break;
        if (c == '&') {
            add_repl(cmd, RP_TEXT, 0, &t);
            add_repl(cmd, RP_GROUP, 0, NULL);
            continue;
        }
        if (c != '\\') {
            tput(&t, (char)c);
            continue;
        }
        int d = next(p);
        if (d == EOF) fail(p, "unterminated `s' command");
        if (d == delim || d == '&' || d == '\n' || d == '\\') tput(&t, (char)d);
        else if (isdigit(d)) {
            add_repl(cmd, RP_TEXT, 0, &t);
            add_repl(cmd, RP_GROUP, d - '0', NULL);
        } else if (strchr("LUluE", d)) {
            add_repl(cmd, RP_TEXT, 0, &t);
            add_repl(cmd, d == 'L' ? RP_LOWER : d == 'U' ? RP_UPPER : d == 'l' ? RP_LOWER1 : d == 'u' ? RP_UPPER1 : RP_END_CASE, 0, NULL);
        } else {
            tput(&t, (char)text_escape(p, d));
        }
    }
    add_repl(cmd, RP_TEXT, 0, &t);
}

/* Parses s///; returns 1 when a w flag took the rest of the line (no end-of-command check). */
static int parse_s(parser *p, sed_cmd *cmd) {
    int delim = next(p);
    if (delim == EOF || delim == '\n' || delim == '\\') fail(p, "unterminated `s' command");
    size_t relen;
    char *re = read_regex(p, delim, &relen);
    if (!re) fail(p, "unterminated `s' command");
    read_replacement(p, cmd, delim);
    int extra = 0, took_line = 0;
    for (;;) {
        int c = peek(p);
        if (c == 'g') cmd->global = 1;
        else if (c == 'p') cmd->print = 1;
        else if (c == 'i' || c == 'I') extra |= SE_RX_ICASE;
        else if (c == 'm' || c == 'M') extra |= SE_RX_NEWLINE;
        else if (isdigit(c)) {
            long n = read_number(p);
            if (n == 0) fail(p, "number option to `s' command may not be zero");
            cmd->nth = (int)n;
            continue;
        } else if (c == 'e') {
            check_sandbox(p);
            cmd->eval = 1;
        } else if (c == 'w') {
            p->pos++;
            check_sandbox(p);
            char *name = read_filename(p);
            cmd->out = get_output(p, name);
            free(name);
            took_line = 1;
            break;
        } else if (c == EOF || c == '\n' || c == ';' || c == '}' || c == '#' || c == ' ' || c == '\t') break;
        else {
            p->pos++;
            fail(p, "unknown option to `s'");
        }
        p->pos++;
    }
    if (!cmd->nth) cmd->nth = 1;
    cmd->rx = compile_regex(p, re, relen, extra);
    size_t nsub = cmd->rx ? cmd->rx->parts.nsub : 9;
    for (size_t i = 0; i < cmd->nrepl; i++)
        if (cmd->repl[i].kind == RP_GROUP && (size_t)cmd->repl[i].group > nsub) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid reference \\%d on `s' command's RHS", cmd->repl[i].group);
            fail(p, msg);
        }
    return took_line;
}

/* Reads one side of y: returns the bytes. */
static char *read_y_part(parser *p, int delim, size_t *len) {
    text t = {0};
    tput(&t, 0);
    t.len = 0;
    for (;;) {
        int c = next(p);
        if (c == EOF) fail(p, "unterminated `y' command");
        if (c == delim) break;
        if (c == '\\') {
            int d = next(p);
            if (d == EOF) fail(p, "unterminated `y' command");
            tput(&t, d == delim || d == '\\' ? (char)d : d == '\n' ? '\n' : (char)text_escape(p, d));
            continue;
        }
        tput(&t, (char)c);
    }
    *len = t.len;
    return t.p;
}

static void parse_y(parser *p, sed_cmd *cmd) {
    int delim = next(p);
    if (delim == EOF || delim == '\n' || delim == '\\') fail(p, "unterminated `y' command");
    size_t sl, dl;
    char *src = read_y_part(p, delim, &sl);
    char *dst = read_y_part(p, delim, &dl);
    if (sl != dl) fail(p, "strings for `y' command are different lengths");
    cmd->ymap = xmalloc(256);
    for (int i = 0; i < 256; i++) cmd->ymap[i] = (unsigned char)i;
    for (size_t i = 0; i < sl; i++) cmd->ymap[(unsigned char)src[i]] = (unsigned char)dst[i];
    free(src);
    free(dst);
}

static void end_of_command(parser *p) {
    skip_blanks(p);
    int c = peek(p);
    if (c == EOF || c == '}' || c == '#') return;
    if (c == ';' || c == '\n') {
        p->pos++;
        return;
    }
    p->pos++;
    fail(p, "extra characters after command");
}

static sed_cmd *new_cmd(sed_script *s) {
    if (s->n == s->cap) s->cmds = xrealloc(s->cmds, (s->cap = s->cap * 2 + 16) * sizeof *s->cmds);
    sed_cmd *c = &s->cmds[s->n++];
    memset(c, 0, sizeof *c);
    c->code = -1;
    return c;
}

static void parse(parser *p) {
    sed_script *s = p->s;
    size_t *blocks = xmalloc((p->len + 1) * sizeof *blocks);
    size_t nblocks = 0;
    /* GNU sed 4.9 takes any "#n" opening the first -e or -f as -n, whatever follows it. */
    if (p->len >= 2 && p->buf[0] == '#' && p->buf[1] == 'n') s->quiet_marker = 1;
    for (;;) {
        int c;
        while ((c = peek(p)) == ' ' || c == '\t' || c == '\n' || c == ';') p->pos++;
        if (c == EOF) break;
        if (c == '#') {
            while (peek(p) != EOF && peek(p) != '\n') p->pos++;
            continue;
        }
        sed_cmd *cmd = new_cmd(s);
        size_t idx = s->n - 1;
        if (parse_addr(p, &cmd->a1)) {
            skip_blanks(p);
            if (peek(p) == ',') {
                p->pos++;
                skip_blanks(p);
                if (peek(p) == '+' || peek(p) == '~') {
                    cmd->a2.type = next(p) == '+' ? SA_PLUS : SA_TILDE;
                    if (!isdigit(peek(p))) fail(p, "expected newer version of sed");
                    cmd->a2.n = read_number(p);
                } else if (!parse_addr(p, &cmd->a2)) {
                    fail(p, "unexpected `,'");
                }
                if (cmd->a2.type == SA_ZERO) fail(p, "invalid usage of line address 0");
            }
        }
        skip_blanks(p);
        while (peek(p) == '!') {
            if (cmd->negate) fail(p, "multiple `!'s");
            cmd->negate = 1;
            p->pos++;
            skip_blanks(p);
        }
        c = next(p);
        if (c == EOF) fail(p, "missing command");
        cmd->name = (char)c;
        if (cmd->a1.type == SA_ZERO && (cmd->a2.type != SA_REGEX)) fail(p, "invalid usage of line address 0");
        if (cmd->a1.type == SA_ZERO) cmd->range = RANGE_ACTIVE;
        if (cmd->a1.type != SA_NONE && (c == ':' || c == '}')) {
            if (c == '}') fail(p, "unexpected `}'");
            fail(p, ": doesn't want any addresses");
        }
        if (cmd->a2.type != SA_NONE && (c == 'q' || c == 'Q')) fail(p, "command only uses one address");
        switch (c) {
        case '{':
            blocks[nblocks++] = idx;
            continue;
        case '}':
            if (nblocks == 0) fail(p, "unexpected `}'");
            s->cmds[blocks[--nblocks]].jump = idx;
            end_of_command(p);
            break;
        case ':': {
            cmd->label = read_label(p, 0);
            if (!cmd->label) fail(p, "\":\" lacks a label");
            end_of_command(p);
            break;
        }
        case 'b': case 't': case 'T':
            cmd->label = read_label(p, 1);
            end_of_command(p);
            break;
        case 'a': case 'i': case 'c':
            read_text(p, cmd);
            break;
        case 'r': case 'R':
            check_sandbox(p);
            cmd->text = read_filename(p);
            break;
        case 'e':
            check_sandbox(p);
            cmd->text = read_rest(p, 1);
            break;
        case 'w': case 'W': {
            check_sandbox(p);
            char *name = read_filename(p);
            cmd->out = get_output(p, name);
            free(name);
            break;
        }
        case 'q': case 'Q': case 'l': case 'L':
            skip_blanks(p);
            if (isdigit(peek(p))) cmd->code = (int)read_number(p);
            end_of_command(p);
            break;
        case 's':
            if (!parse_s(p, cmd)) end_of_command(p);
            break;
        case 'v': {
            /* GNU's version check: fails only when asked for a newer sed than 4.9; no command remains. */
            char *version = read_label(p, 0);
            if (version && version_compare(version, strlen(version), "4.9", 3) > 0)
                fail(p, "expected newer version of sed");
            free(version);
            end_of_command(p);
            s->n--;
            continue;
        }
        case 'y':
            parse_y(p, cmd);
            end_of_command(p);
            break;
        case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n': case 'N':
        case 'p': case 'P': case 'x': case 'z': case 'F':
            end_of_command(p);
            break;
        default: {
            char msg[48];
            snprintf(msg, sizeof msg, "unknown command: `%c'", c);
            fail(p, msg);
        }
        }
    }
    if (nblocks > 0) fail_at(p, p->starts[0], "unmatched `{'");
    free(blocks);
    for (size_t i = 0; i < s->n; i++) {
        sed_cmd *cmd = &s->cmds[i];
        if (!strchr("btT", cmd->name)) continue;
        cmd->jump = s->n;
        if (!cmd->label || !*cmd->label) continue;
        size_t j = 0;
        while (j < s->n && !(s->cmds[j].name == ':' && strcmp(s->cmds[j].label, cmd->label) == 0)) j++;
        if (j == s->n) {
            fflush(stdout);
            fprintf(stderr, "sed: can't find label for jump to `%s'\n", cmd->label);
            exit(4);
        }
        cmd->jump = j;
    }
}

void sed_compile(sed_script *s, const sed_source *src, size_t nsrc, int rxflags) {
    parser p;
    memset(&p, 0, sizeof p);
    p.src = src;
    p.nsrc = nsrc;
    p.s = s;
    p.rxflags = rxflags;
    p.starts = xmalloc((nsrc + 1) * sizeof *p.starts);
    size_t total = 0;
    for (size_t i = 0; i < nsrc; i++) total += src[i].len + 1;
    p.buf = xmalloc(total + 1);
    for (size_t i = 0; i < nsrc; i++) {
        p.starts[i] = p.len;
        memcpy(p.buf + p.len, src[i].text, src[i].len);
        p.len += src[i].len;
        if (i + 1 < nsrc) p.buf[p.len++] = '\n';
    }
    p.buf[p.len] = 0;
    parse(&p);
    free(p.starts);
    free(p.buf);
}
