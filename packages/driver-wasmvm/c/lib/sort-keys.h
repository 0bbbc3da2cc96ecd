/*
 * sort-keys.h: GNU sort's ordering, shared by sort (and usable by any
 * command that orders lines the same way): key fields (-k F[.C][opts],F[.C]
 * [opts]) found by blank runs or a -t separator, per-key modes (numeric,
 * general numeric, human, month, version, random, dictionary, ignore
 * nonprinting, fold case, reverse), and the whole-line byte comparison that
 * breaks ties unless -s or -u.
 */
#ifndef SE_SORT_KEYS_H
#define SE_SORT_KEYS_H

#include <stddef.h>

/* One line: its bytes without the delimiter. */
struct sort_line {
    const char *text;
    size_t len;
};

/* A -k key. Fields and characters count from 0; eword SIZE_MAX means "to the end of the line". */
struct sort_key {
    size_t sword, schar, eword, echar;
    int skip_start_blanks, skip_end_blanks;
    const unsigned char *ignore; /* bytes to skip when comparing, or NULL */
    int fold;                    /* compare as upper case */
    int numeric, general_numeric, human_numeric, month, version, random, reverse;
};

/* The ordering in force: the keys, then the global flags. */
struct sort_order {
    struct sort_key *keys;
    size_t nkeys;
    int tab;     /* field separator byte, or SORT_TAB_BLANKS */
    int reverse; /* global -r, for the last-resort comparison */
    int unique;  /* -u: equal keys are equal lines */
    int stable;  /* -s: no last-resort comparison */
};

#define SORT_TAB_BLANKS (-1)

/* Tables for -d and -i. */
extern const unsigned char *sort_nondictionary(void);
extern const unsigned char *sort_nonprinting(void);

/*
 * Applies ordering letters (b d f g h i M n R r V) from S to KEY, as for a
 * start (blanks = 1), end (2) or both (3) position; returns where the
 * letters stop.
 */
const char *sort_key_options(const char *s, struct sort_key *key, int blanks);

/* Parses a -k argument into KEY, exiting with GNU's message (status 2) when it is malformed. */
void sort_key_parse(const char *spec, struct sort_key *key);

/* Whether KEY has no ordering option of its own (global options then apply to it). */
int sort_key_is_default(const struct sort_key *key);

/* Exits with "options '-XY' are incompatible" when a key mixes exclusive modes. */
void sort_key_check_compatible(const struct sort_key *key);

/* Installs the ordering used by sort_compare (a random seed for -R included). */
void sort_set_order(const struct sort_order *order);

/* Compares two lines under the installed ordering. */
int sort_compare(const struct sort_line *a, const struct sort_line *b);

#endif
