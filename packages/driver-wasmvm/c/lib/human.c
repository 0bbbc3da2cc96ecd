/* human.c: human_size, rounding up as GNU's human_ceiling does, in exact integer arithmetic. */
#include "human.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *human_size(unsigned long long n, int si, char *out) {
    static const char units[] = "KMGTPE";
    unsigned long long base = si ? 1000 : 1024;
    if (n < base) {
        sprintf(out, "%llu", n);
        return out;
    }
    unsigned __int128 div = base;
    int k = 0;
    while (n / div >= base && k < 5) {
        div *= base;
        k++;
    }
    char unit = si && k == 0 ? 'k' : units[k];
    if (n / div < 10) {
        unsigned long long tenths = (unsigned long long)(((unsigned __int128)n * 10 + div - 1) / div);
        if (tenths < 100) {
            sprintf(out, "%llu.%llu%c", tenths / 10, tenths % 10, unit);
            return out;
        }
    }
    unsigned long long whole = (unsigned long long)(((unsigned __int128)n + div - 1) / div);
    if (whole >= base && k < 5) {
        sprintf(out, "1.0%c", units[k + 1]);
        return out;
    }
    sprintf(out, "%llu%c", whole, unit);
    return out;
}

int human_block_size(const char *spec, unsigned long long *size, char suffix[8]) {
    static const char units[] = "KMGTPEZY";
    const char *p = spec;
    unsigned long long n = 1;
    int number = *p >= '0' && *p <= '9';
    if (number) {
        char *end;
        n = strtoull(p, &end, 10);
        p = end;
    }
    suffix[0] = 0;
    if (*p) {
        const char *u = strchr(units, *p == 'k' ? 'K' : *p);
        if (!u || !*u) return number ? 2 : 1;
        int si = p[1] == 'B' && !p[2];
        if (!si && p[1] && !(p[1] == 'i' && p[2] == 'B' && !p[3])) return number ? 2 : 1;
        for (const char *q = units; q <= u; q++) {
            unsigned long long m = n * (si ? 1000 : 1024);
            if (m / (si ? 1000 : 1024) != n) return 1;
            n = m;
        }
        if (!number) snprintf(suffix, 8, "%c%s", si && *u == 'K' ? 'k' : *u, si ? "B" : p[1] ? "iB" : "");
    }
    if (n == 0) return 1;
    *size = n;
    return 0;
}
