/*
 * echo: coreutils' /bin/echo. Leading arguments made only of n, e and E
 * letters after a '-' are options (any other letter makes the argument
 * text); --help or --version alone prints usage or version. -e interprets
 * \\ \a \b \c \e \f \n \r \t \v \0NNN \NNN \xHH; \c ends all output, trailing
 * newline included. With POSIXLY_CORRECT set, escapes are always
 * interpreted and options are read only when the first argument is -n.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/common.h"

SE_COMMAND(main_echo, "echo")

static int is_option(const char *a) {
    if (a[0] != '-' || !a[1]) return 0;
    return strspn(a + 1, "neE") == strlen(a + 1);
}

static int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Prints S with escapes interpreted; returns 1 when \c asked to stop. */
static int print_escaped(const char *s) {
    while (*s) {
        int c = (unsigned char)*s++;
        if (c != '\\' || !*s) {
            putchar(c);
            continue;
        }
        c = (unsigned char)*s++;
        switch (c) {
        case 'a': c = '\a'; break;
        case 'b': c = '\b'; break;
        case 'c': return 1;
        case 'e': c = 033; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'v': c = '\v'; break;
        case 'x':
            if (hex_value((unsigned char)*s) < 0) {
                putchar('\\');
                break;
            }
            c = hex_value((unsigned char)*s++);
            if (hex_value((unsigned char)*s) >= 0) c = c * 16 + hex_value((unsigned char)*s++);
            break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int digits = c == '0' ? 3 : 2;
            c -= '0';
            for (; digits > 0 && *s >= '0' && *s <= '7'; digits--) c = c * 8 + (*s++ - '0');
            break;
        }
        case '\\': break;
        default:
            putchar('\\');
            break;
        }
        putchar(c);
    }
    return 0;
}

int main_echo(int argc, char **argv) {
    int posix = getenv("POSIXLY_CORRECT") != NULL;
    int options = !posix || (argc > 1 && strcmp(argv[1], "-n") == 0);
    if (options && argc == 2 && strcmp(argv[1], "--version") == 0) se_version(0);
    if (options && argc == 2 && strcmp(argv[1], "--help") == 0) {
        printf("Usage: echo [SHORT-OPTION]... [STRING]...\n"
               "Echo the STRING(s) to standard output.\n\n"
               "  -n  do not output the trailing newline\n"
               "  -e  enable interpretation of backslash escapes\n"
               "  -E  disable interpretation of backslash escapes (default)\n");
        return 0;
    }
    int newline = 1, escapes = 0, i = 1;
    for (; options && i < argc && is_option(argv[i]); i++) {
        for (const char *p = argv[i] + 1; *p; p++) {
            if (*p == 'n') newline = 0;
            else if (*p == 'e') escapes = 1;
            else escapes = 0;
        }
    }
    if (posix) escapes = 1;
    for (int first = 1; i < argc; i++, first = 0) {
        if (!first) putchar(' ');
        if (!escapes) fputs(argv[i], stdout);
        else if (print_escaped(argv[i])) return 0;
    }
    if (newline) putchar('\n');
    return 0;
}
