/*
 * sed-script.h: a compiled sed script, as sed-compile.c builds it from the
 * -e/-f text and cmd/sed.c runs it. Commands sit in one array; `{` jumps
 * past its `}` when its address does not match, and b/t/T hold the index of
 * their label. Each command keeps its own range state, as GNU sed does.
 */
#ifndef SE_SED_SCRIPT_H
#define SE_SED_SCRIPT_H

#include <stdio.h>
#include <stddef.h>

#include "gnu-regex.h"

/* Address kinds. */
enum {
    SA_NONE, SA_LINE, SA_LAST, SA_REGEX, SA_STEP, /* first~step */
    SA_ZERO,                                      /* 0 in 0,/re/ */
    SA_PLUS, SA_TILDE,                            /* addr1,+N and addr1,~N */
};

/* Range states. */
enum { RANGE_INACTIVE, RANGE_ACTIVE, RANGE_CLOSED };

/* An address; a SA_REGEX with rx NULL means the last regex used. */
typedef struct sed_addr {
    int type;
    long n, step;
    se_regex *rx;
} sed_addr;

/* An output file of w, W and s///w (shared by name); /dev/stdout is stdout. */
typedef struct sed_output {
    char *name;
    FILE *fp;
    int missing_newline;   /* the last thing written lacked its newline */
} sed_output;

/* A piece of an s replacement. */
enum { RP_TEXT, RP_GROUP, RP_UPPER, RP_LOWER, RP_UPPER1, RP_LOWER1, RP_END_CASE };
typedef struct sed_repl {
    int kind;
    int group;             /* RP_GROUP: 0 for & */
    char *text;            /* RP_TEXT */
    size_t len;
} sed_repl;

/* One command with its addresses. */
typedef struct sed_cmd {
    sed_addr a1, a2;
    int negate;
    char name;
    int range;
    long range_end;
    size_t jump;           /* { : index of its }; b t T: index of the label (or the script's end) */
    char *label;
    char *text;            /* a i c text; r R w W file name; e command ("" runs the pattern space) */
    size_t text_len;
    sed_output *out;       /* w W and s///w */
    FILE *rfile;           /* R: the open file */
    int rfile_done;
    se_regex *rx;          /* s: NULL means the last regex used */
    sed_repl *repl;
    size_t nrepl;
    int global, print, nth, eval; /* s flags g, p, N and e */
    unsigned char *ymap;   /* y: 256 bytes */
    int code;              /* q Q: exit status; l: line length (-1: default) */
} sed_cmd;

/* The whole script. */
typedef struct sed_script {
    sed_cmd *cmds;
    size_t n, cap;
    sed_output **outputs;
    size_t nout;
    int quiet_marker;      /* the first -e or -f began with "#n" */
    int sandbox;           /* --sandbox: e, r, w and their s flags are refused (set before compiling) */
} sed_script;

/* A piece of script text and where it came from, for error messages. */
typedef struct sed_source {
    const char *text;
    size_t len;
    const char *file;      /* NULL: an -e expression */
    int expr_index;        /* -e expression number (1-based) */
} sed_source;

/* Compiles the sources (each -e or -f in order); on error prints GNU's message and exits 1. */
void sed_compile(sed_script *s, const sed_source *src, size_t nsrc, int rxflags);

#endif
