/*
 * tr: translates, deletes (-d) and squeezes (-s) bytes, as GNU tr does.
 * SET2 is stretched with its last byte when shorter than SET1 (or SET1 is
 * cut, with -t); [:lower:]/[:upper:] pairs convert case; -c/-C use every
 * byte not in SET1, in ascending order. Input streams in 64 KiB chunks.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-getopt.h"
#include "lib/text-io.h"
#include "lib/tr-sets.h"

SE_COMMAND(main_tr, "tr")

static int complement, delete, squeeze, truncate_set1;

static void usage(void) {
    printf("Usage: tr [OPTION]... SET1 [SET2]\n"
           "Translate, squeeze, and/or delete characters from standard input,\n"
           "writing to standard output.\n\n"
           "  -c, -C, --complement    use the complement of SET1\n"
           "  -d, --delete            delete characters in SET1, do not translate\n"
           "  -s, --squeeze-repeats   replace each sequence of a repeated character\n"
           "                          that is listed in the last specified SET,\n"
           "                          with a single occurrence of that character\n"
           "  -t, --truncate-set1     first truncate SET1 to length of SET2\n");
}

/* SET1 as translated: the complement domain in ascending order when -c. */
static void complement_set(struct tr_set *s1) {
    unsigned char members[256];
    tr_set_members(s1, 1, members);
    s1->len = 0;
    for (int c = 0; c < 256; c++)
        if (members[c]) s1->chars[s1->len++] = (struct tr_char){(unsigned char)c, TR_UL_NONE, 1};
}

static int homogeneous(const struct tr_set *s) {
    for (size_t i = 1; i < s->len; i++)
        if (s->chars[i].c != s->chars[0].c) return 0;
    return 1;
}

/* Builds the translation table from SET1 and SET2 (GNU's checks and stretching rules). */
static void build_translation(struct tr_set *s1, struct tr_set *s2, unsigned char map[256]) {
    if (s2->has_equiv) se_die(1, "[=c=] expressions may not appear in string2 when translating");
    if (s2->has_restricted_class)
        se_die(1, "when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
    if (s2->indefinite_repeats == 1 && s1->len > s2->len)
        tr_set_insert(s2, s2->fill_at, s2->fill_char, s1->len - s2->len);
    if (!complement && s2->has_class) {
        /* As GNU walks both sets: a class of SET2 starting where SET1 has ended is misaligned too. */
        for (size_t i = 0; i < s2->len && i <= s1->len; i++)
            if (s2->chars[i].ul && s2->chars[i].start && !(i < s1->len && s1->chars[i].ul && s1->chars[i].start))
                se_die(1, "misaligned [:upper:] and/or [:lower:] construct");
    }
    if (s1->len > s2->len && !truncate_set1) {
        if (s2->len == 0) se_die(1, "when not truncating set1, string2 must be non-empty");
        if (s2->last_is_class)
            se_die(1, "when translating with string1 longer than string2,\nthe latter string must not end with a character class");
        tr_set_insert(s2, s2->len, s2->chars[s2->len - 1].c, s1->len - s2->len);
    }
    for (int c = 0; c < 256; c++) map[c] = (unsigned char)c;
    size_t n = s1->len < s2->len ? s1->len : s2->len;
    for (size_t i = 0; i < n;) {
        const struct tr_char *a = &s1->chars[i], *b = &s2->chars[i];
        if (!complement && b->ul && b->start) {
            if (a->ul == TR_UL_LOWER && b->ul == TR_UL_UPPER)
                for (int c = 0; c < 256; c++) { if (c >= 'a' && c <= 'z') map[c] = (unsigned char)(c - 32); }
            else if (a->ul == TR_UL_UPPER && b->ul == TR_UL_LOWER)
                for (int c = 0; c < 256; c++) { if (c >= 'A' && c <= 'Z') map[c] = (unsigned char)(c + 32); }
            i += 26;
            continue;
        }
        map[a->c] = b->c;
        i++;
    }
}

int main_tr(int argc, char **argv) {
    static const struct option longopts[] = {
        {"complement", no_argument, NULL, 'c'}, {"delete", no_argument, NULL, 'd'},
        {"squeeze-repeats", no_argument, NULL, 's'}, {"truncate-set1", no_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    while ((c = se_getopt_long(argc, argv, "+cCdst", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': case 'C': complement = 1; break;
        case 'd': delete = 1; break;
        case 's': squeeze = 1; break;
        case 't': truncate_set1 = 1; break;
        case 'h': usage(); return 0;
        default: se_usage_error(1);
        }
    }
    int nargs = argc - optind;
    int translating = nargs == 2 && !delete;
    int min_operands = 1 + (delete == squeeze), max_operands = 1 + (delete <= squeeze);
    if (nargs < min_operands) {
        if (nargs == 0) {
            se_warn("missing operand");
        } else {
            se_warn("missing operand after '%s'", argv[argc - 1]);
            fprintf(stderr, "%s\n", squeeze ? "Two strings must be given when both deleting and squeezing repeats."
                                            : "Two strings must be given when translating.");
        }
        se_usage_error(1);
    }
    if (nargs > max_operands) {
        se_warn("extra operand '%s'", argv[optind + max_operands]);
        if (nargs == 2) fprintf(stderr, "Only one string may be given when deleting without squeezing repeats.\n");
        se_usage_error(1);
    }
    struct tr_set s1, s2;
    tr_set_parse(argv[optind], &s1);
    int have_s2 = nargs == 2;
    if (have_s2) tr_set_parse(argv[optind + 1], &s2);
    if (s1.indefinite_repeats) se_die(1, "the [c*] repeat construct may not appear in string1");
    if (have_s2 && s2.indefinite_repeats > 1) se_die(1, "only one [c*] repeat construct may appear in string2");
    if (have_s2 && !translating && s2.indefinite_repeats)
        se_die(1, "the [c*] construct may appear in string2 only when translating");

    unsigned char map[256], deleted[256], squeezed[256];
    for (c = 0; c < 256; c++) map[c] = (unsigned char)c;
    memset(deleted, 0, sizeof deleted);
    memset(squeezed, 0, sizeof squeezed);
    if (translating) {
        int had_class = s1.has_class;
        if (complement) {
            s1.chars = xrealloc(s1.chars, 256 * sizeof *s1.chars);
            complement_set(&s1);
        }
        if (truncate_set1 && s1.len > s2.len) s1.len = s2.len;
        build_translation(&s1, &s2, map);
        if (complement && had_class && !(s2.len == s1.len && homogeneous(&s2)))
            se_die(1, "when translating with complemented character classes,\nstring2 must map all characters in the domain to one");
        if (squeeze) tr_set_members(&s2, 0, squeezed);
    } else if (delete) {
        tr_set_members(&s1, complement, deleted);
        if (squeeze) tr_set_members(&s2, 0, squeezed);
    } else {
        tr_set_members(&s1, complement, squeezed);
    }

    static unsigned char in[65536], out[65536];
    int last = -1;
    for (;;) {
        ssize_t n = read_retry(0, in, sizeof in);
        if (n < 0) se_die(1, "read error: %s", strerror(errno));
        if (n == 0) break;
        size_t o = 0;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char b = in[i];
            if (deleted[b]) continue;
            b = map[b];
            if (squeezed[b] && b == last) continue;
            out[o++] = b;
            last = b;
        }
        fwrite(out, 1, o, stdout);
    }
    return 0;
}
