/* human.c: human_size, rounding up as GNU's human_ceiling does, in exact integer arithmetic. */
#include "human.h"

#include <stdio.h>

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
