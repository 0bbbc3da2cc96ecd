/*
 * tr-sets.h: the SET operands of tr, parsed and expanded the way GNU tr
 * reads them: backslash escapes, ranges (a-z), classes ([:alpha:]),
 * equivalence classes ([=c=]), and repeats ([c*n], [c*] to fill SET2).
 */
#ifndef SE_TR_SETS_H
#define SE_TR_SETS_H

#include <stddef.h>

/* Case classes, for [:lower:]/[:upper:] pairs. */
enum { TR_UL_NONE, TR_UL_LOWER, TR_UL_UPPER };

/* One byte of an expanded set, with what produced it. */
struct tr_char {
    unsigned char c;
    unsigned char ul;    /* TR_UL_* when it came from [:lower:] or [:upper:] */
    unsigned char start; /* first byte of its construct */
};

/* A parsed set. */
struct tr_set {
    struct tr_char *chars; /* expansion, with an indefinite repeat counted as 0 */
    size_t len;
    int has_class;            /* any [:class:] */
    int has_restricted_class; /* a class other than lower/upper */
    int has_equiv;            /* any [=c=] */
    int indefinite_repeats;   /* how many [c*] */
    size_t fill_at;           /* where the (first) [c*] is, in chars */
    unsigned char fill_char;
    int last_is_class;        /* the last construct is a [:class:] */
};

/* Parses ARG into SET; exits with GNU's message on malformed input. */
void tr_set_parse(const char *arg, struct tr_set *set);

/* Inserts COUNT copies of C at position AT. */
void tr_set_insert(struct tr_set *set, size_t at, unsigned char c, size_t count);

/* Membership table of the set's bytes; complemented if asked. */
void tr_set_members(const struct tr_set *set, int complement, unsigned char members[256]);

#endif
