/*
 * nl: numbers lines, as GNU nl does. Each of the header, body and footer
 * sections (introduced by lines of the -d delimiter pair repeated 3, 2 and
 * 1 times, which print as empty lines and restart numbering unless -p) has
 * a style: a (all), t (non-empty), n (none) or pBRE (matching lines).
 * Numbers are -w wide in -n ln/rn/rz format, followed by -s; unnumbered
 * lines get as many spaces instead. Numbering continues across inputs.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/shell-quote.h"

SE_COMMAND(main_nl, "nl")

enum { HEADER, BODY, FOOTER };

struct style {
    char kind; /* 'a', 't', 'n' or 'p' */
    regex_t regex;
};

static struct style styles[3];
static intmax_t line_no, start_no = 1, increment = 1, blank_join = 1;
static int width = 6, reset_numbers = 1;
static const char *format = "%*jd";
static const char *separator = "\t";
static char *no_number;
static char delims[3][64];
static size_t delim_len[3];

static void parse_style(struct style *s, const char *arg, const char *what) {
    if ((arg[0] == 'a' || arg[0] == 't' || arg[0] == 'n') && !arg[1]) {
        s->kind = arg[0];
        return;
    }
    if (arg[0] == 'p') {
        int err = regcomp(&s->regex, arg + 1, REG_NOSUB);
        if (err) {
            char msg[256];
            regerror(err, &s->regex, msg, sizeof msg);
            se_die(1, "%s", msg);
        }
        s->kind = 'p';
        return;
    }
    se_warn("invalid %s numbering style: '%s'", what, arg);
    se_usage_error(1);
}

static intmax_t parse_int(const char *arg, intmax_t min, const char *what) {
    char *end;
    errno = 0;
    intmax_t v = strtoimax(arg, &end, 10);
    if (end == arg || *end) se_die(1, "%s: '%s'", what, arg);
    if (errno == ERANGE || v < min)
        se_die(1, "%s: '%s': Numerical result out of range", what, arg);
    return v;
}

static void print_number(void) {
    printf(format, width, line_no);
    fputs(separator, stdout);
    line_no += increment;
}

static void number_lines(int fd, int *section) {
    se_reader r;
    se_reader_init(&r, fd);
    size_t len;
    char *line;
    intmax_t blanks = 0;
    while ((line = se_reader_line(&r, '\n', &len))) {
        size_t text_len = len && line[len - 1] == '\n' ? len - 1 : len;
        int which = -1;
        for (int s = 0; s < 3; s++)
            if (text_len == delim_len[s] && memcmp(line, delims[s], text_len) == 0) which = s;
        if (which >= 0) {
            *section = which;
            if (reset_numbers) line_no = start_no;
            putchar('\n');
            continue;
        }
        struct style *st = &styles[*section];
        int numbered = 0;
        switch (st->kind) {
        case 'a':
            if (blank_join > 1) {
                if (text_len > 0 || ++blanks == blank_join) {
                    numbered = 1;
                    blanks = 0;
                }
            } else {
                numbered = 1;
            }
            break;
        case 't': numbered = text_len > 0; break;
        case 'p': {
            char *copy = xmalloc(text_len + 1);
            memcpy(copy, line, text_len);
            copy[text_len] = 0;
            numbered = regexec(&st->regex, copy, 0, NULL, 0) == 0;
            free(copy);
            break;
        }
        }
        if (numbered) print_number();
        else fputs(no_number, stdout);
        fwrite(line, 1, text_len, stdout);
        putchar('\n');
    }
    if (r.err) {
        errno = r.err;
        se_warn_errno("read error");
    }
    se_reader_free(&r);
}

static void set_delimiters(const char *cc) {
    char pair[3] = {'\\', ':', 0};
    size_t n = strlen(cc);
    if (n == 1) pair[0] = cc[0];
    const char *d = n == 1 ? pair : cc;
    size_t dl = n == 1 ? 2 : n;
    if (n == 0) dl = 0;
    if (dl > 20) dl = 20;
    for (int s = 0; s < 3; s++) {
        delim_len[s] = 0;
        for (int k = 0; k < 3 - s; k++) {
            memcpy(delims[s] + delim_len[s], d, dl);
            delim_len[s] += dl;
        }
        if (dl == 0) delim_len[s] = (size_t)-1;
    }
}

int main_nl(int argc, char **argv) {
    static const struct option longopts[] = {
        {"body-numbering", required_argument, NULL, 'b'}, {"section-delimiter", required_argument, NULL, 'd'},
        {"footer-numbering", required_argument, NULL, 'f'}, {"header-numbering", required_argument, NULL, 'h'},
        {"line-increment", required_argument, NULL, 'i'}, {"join-blank-lines", required_argument, NULL, 'l'},
        {"number-format", required_argument, NULL, 'n'}, {"no-renumber", no_argument, NULL, 'p'},
        {"number-separator", required_argument, NULL, 's'}, {"starting-line-number", required_argument, NULL, 'v'},
        {"number-width", required_argument, NULL, 'w'}, {"help", no_argument, NULL, 'H'}, {NULL, 0, NULL, 0}};
    styles[HEADER].kind = 'n';
    styles[BODY].kind = 't';
    styles[FOOTER].kind = 'n';
    set_delimiters("\\:");
    int c;
    while ((c = se_getopt_long(argc, argv, "b:d:f:h:i:l:n:ps:v:w:", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': parse_style(&styles[BODY], optarg, "body"); break;
        case 'h': parse_style(&styles[HEADER], optarg, "header"); break;
        case 'f': parse_style(&styles[FOOTER], optarg, "footer"); break;
        case 'd': set_delimiters(optarg); break;
        case 'i': increment = parse_int(optarg, INTMAX_MIN, "invalid line number increment"); break;
        case 'l': blank_join = parse_int(optarg, 1, "invalid line number of blank lines"); break;
        case 'v': start_no = parse_int(optarg, INTMAX_MIN, "invalid starting line number"); break;
        case 'w': {
            intmax_t w = parse_int(optarg, 1, "invalid line number field width");
            if (w > 0x7fffffff) se_die(1, "invalid line number field width: '%s': Numerical result out of range", optarg);
            width = (int)w;
            break;
        }
        case 'n':
            if (strcmp(optarg, "ln") == 0) format = "%-*jd";
            else if (strcmp(optarg, "rn") == 0) format = "%*jd";
            else if (strcmp(optarg, "rz") == 0) format = "%0*jd";
            else {
                se_warn("invalid line numbering format: '%s'", optarg);
                se_usage_error(1);
            }
            break;
        case 'p': reset_numbers = 0; break;
        case 's': separator = optarg; break;
        case 'H':
            printf("Usage: nl [OPTION]... [FILE]...\n"
                   "Write each FILE to standard output, with line numbers added.\n\n"
                   "  -b, --body-numbering=STYLE      use STYLE for numbering body lines\n"
                   "  -d, --section-delimiter=CC      use CC for logical page delimiters\n"
                   "  -f, --footer-numbering=STYLE    use STYLE for numbering footer lines\n"
                   "  -h, --header-numbering=STYLE    use STYLE for numbering header lines\n"
                   "  -i, --line-increment=NUMBER     line number increment at each line\n"
                   "  -l, --join-blank-lines=NUMBER   group of NUMBER empty lines counted as one\n"
                   "  -n, --number-format=FORMAT      insert line numbers according to FORMAT\n"
                   "  -p, --no-renumber               do not reset line numbers for each section\n"
                   "  -s, --number-separator=STRING   add STRING after (possible) line number\n"
                   "  -v, --starting-line-number=NUMBER  first line number for each section\n"
                   "  -w, --number-width=NUMBER       use NUMBER columns for line numbers\n\n"
                   "STYLE is a (all lines), t (nonempty lines), n (no lines) or pBRE.\n"
                   "FORMAT is ln (left justified), rn (right justified) or rz (leading zeros).\n");
            return 0;
        default: se_usage_error(1);
        }
    }
    size_t pad = (size_t)width + strlen(separator);
    no_number = xmalloc(pad + 1);
    memset(no_number, ' ', pad);
    no_number[pad] = 0;
    line_no = start_no;
    int section = BODY, status = 0;
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;
    for (int i = 0; i < nfiles; i++) {
        int fd = open_input(files[i]);
        if (fd < 0) {
            se_warn_errno(quotef(files[i]));
            status = 1;
            continue;
        }
        number_lines(fd, &section);
        close_input(fd);
    }
    return status;
}
