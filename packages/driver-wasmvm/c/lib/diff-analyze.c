/* diff-analyze.c: GNU diff's change analysis (see diff-analyze.h), written from its description. */
#include "diff-analyze.h"
#include "common.h"

#include <stdlib.h>
#include <string.h>

typedef long lin;

/* The undiscarded lines of both files, and the search vectors. */
typedef struct ctx {
    const int *xv, *yv;    /* classes of the undiscarded lines */
    const lin *xidx, *yidx; /* their indices in the files */
    char *changed0, *changed1;
    lin *fd, *bd;          /* diagonals, offset so index -ny-1 .. nx+1 works */
} ctx;

/* Finds a midpoint of the shortest edit script for x[xoff,xlim) and y[yoff,ylim). */
static void diag(ctx *c, lin xoff, lin xlim, lin yoff, lin ylim, lin *xmid, lin *ymid) {
    lin *fd = c->fd, *bd = c->bd;
    const int *xv = c->xv, *yv = c->yv;
    const lin dmin = xoff - ylim, dmax = xlim - yoff;
    const lin fmid = xoff - yoff, bmid = xlim - ylim;
    lin fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    int odd = (fmid - bmid) & 1;
    fd[fmid] = xoff;
    bd[bmid] = xlim;
    for (;;) {
        lin d;
        if (fmin > dmin) fd[--fmin - 1] = -1;
        else ++fmin;
        if (fmax < dmax) fd[++fmax + 1] = -1;
        else --fmax;
        for (d = fmax; d >= fmin; d -= 2) {
            lin tlo = fd[d - 1], thi = fd[d + 1];
            lin x0 = tlo < thi ? thi : tlo + 1, x, y;
            for (x = x0, y = x0 - d; x < xlim && y < ylim && xv[x] == yv[y]; x++, y++) continue;
            fd[d] = x;
            if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
                *xmid = x;
                *ymid = y;
                return;
            }
        }
        if (bmin > dmin) bd[--bmin - 1] = 0x7fffffffL;
        else ++bmin;
        if (bmax < dmax) bd[++bmax + 1] = 0x7fffffffL;
        else --bmax;
        for (d = bmax; d >= bmin; d -= 2) {
            lin tlo = bd[d - 1], thi = bd[d + 1];
            lin x0 = tlo < thi ? tlo : thi - 1, x, y;
            for (x = x0, y = x0 - d; xoff < x && yoff < y && xv[x - 1] == yv[y - 1]; x--, y--) continue;
            bd[d] = x;
            if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
                *xmid = x;
                *ymid = y;
                return;
            }
        }
    }
}

static void compareseq(ctx *c, lin xoff, lin xlim, lin yoff, lin ylim) {
    while (xoff < xlim && yoff < ylim && c->xv[xoff] == c->yv[yoff]) xoff++, yoff++;
    while (xlim > xoff && ylim > yoff && c->xv[xlim - 1] == c->yv[ylim - 1]) xlim--, ylim--;
    if (xoff == xlim) {
        while (yoff < ylim) c->changed1[c->yidx[yoff++]] = 1;
    } else if (yoff == ylim) {
        while (xoff < xlim) c->changed0[c->xidx[xoff++]] = 1;
    } else {
        lin xmid, ymid;
        diag(c, xoff, xlim, yoff, ylim, &xmid, &ymid);
        compareseq(c, xoff, xmid, yoff, ymid);
        compareseq(c, xmid, xlim, ymid, ylim);
    }
}

/* Marks lines to set aside: 1 = no partner, 2 = provisionally (too many partners). */
static void find_discards(const int *eq, lin n, const lin *other_count, char *discards) {
    lin many = 5, tem = n / 64;
    while ((tem = tem >> 2) > 0) many *= 2;
    for (lin i = 0; i < n; i++) {
        lin nmatch = other_count[eq[i]];
        discards[i] = nmatch == 0 ? 1 : nmatch > many ? 2 : 0;
    }
    /* Keep provisional discards only inside runs of discards, as GNU does. */
    for (lin i = 0; i < n; i++) {
        if (discards[i] == 2) {
            discards[i] = 0;
            continue;
        }
        if (discards[i] == 0) continue;
        lin j, length, provisional = 0;
        for (j = i; j < n; j++) {
            if (discards[j] == 0) break;
            if (discards[j] == 2) ++provisional;
        }
        while (j > i && discards[j - 1] == 2) discards[--j] = 0, --provisional;
        length = j - i;
        if (provisional * 4 > length) {
            while (j > i)
                if (discards[--j] == 2) discards[j] = 0;
        } else {
            lin consec, minimum = 1;
            tem = length >> 2;
            while (0 < (tem >>= 2)) minimum <<= 1;
            minimum++;
            for (j = 0, consec = 0; j < length; j++) {
                if (discards[i + j] != 2) consec = 0;
                else if (minimum == ++consec) j -= consec;
                else if (minimum < consec) discards[i + j] = 0;
            }
            for (j = 0, consec = 0; j < length; j++) {
                if (j >= 8 && discards[i + j] == 1) break;
                if (discards[i + j] == 2) consec = 0, discards[i + j] = 0;
                else if (discards[i + j] == 0) consec = 0;
                else consec++;
                if (consec == 3) break;
            }
            i += length - 1;
            for (j = 0, consec = 0; j < length; j++) {
                if (j >= 8 && discards[i - j] == 1) break;
                if (discards[i - j] == 2) consec = 0, discards[i - j] = 0;
                else if (discards[i - j] == 0) consec = 0;
                else consec++;
                if (consec == 3) break;
            }
        }
    }
}

/* Slides each run of changes in file f to merge runs and to line up with the other file's runs. */
static void shift_boundaries(const int *equivs, lin i_end, char *changed, char *other_changed) {
    lin i = 0, j = 0;
    for (;;) {
        lin runlength, start, corresponding;
        while (i < i_end && !changed[i]) {
            while (other_changed[j++]) continue;
            i++;
        }
        if (i == i_end) break;
        start = i;
        while (changed[++i]) continue;
        while (other_changed[j]) j++;
        do {
            runlength = i - start;
            while (start && equivs[start - 1] == equivs[i - 1]) {
                changed[--start] = 1;
                changed[--i] = 0;
                while (changed[start - 1]) start--;
                while (other_changed[--j]) continue;
            }
            corresponding = other_changed[j - 1] ? i : i_end;
            while (i != i_end && equivs[start] == equivs[i]) {
                changed[start++] = 0;
                changed[i++] = 1;
                while (changed[i]) i++;
                while (other_changed[++j]) corresponding = i;
            }
        } while (runlength != i - start);
        while (corresponding < i) {
            changed[--start] = 1;
            changed[--i] = 0;
            while (other_changed[--j]) continue;
        }
    }
}

void diff_analyze(const int *eq0, size_t n0, const int *eq1, size_t n1, char *changed0, char *changed1) {
    memset(changed0 - 1, 0, n0 + 2);
    memset(changed1 - 1, 0, n1 + 2);
    lin m0 = (lin)n0, m1 = (lin)n1;
    int maxeq = 0;
    for (lin i = 0; i < m0; i++) if (eq0[i] > maxeq) maxeq = eq0[i];
    for (lin i = 0; i < m1; i++) if (eq1[i] > maxeq) maxeq = eq1[i];
    lin *count0 = xcalloc((size_t)maxeq + 1, sizeof *count0), *count1 = xcalloc((size_t)maxeq + 1, sizeof *count1);
    for (lin i = 0; i < m0; i++) count0[eq0[i]]++;
    for (lin i = 0; i < m1; i++) count1[eq1[i]]++;
    char *disc0 = xmalloc((size_t)m0 + 1), *disc1 = xmalloc((size_t)m1 + 1);
    find_discards(eq0, m0, count1, disc0);
    find_discards(eq1, m1, count0, disc1);
    int *xv = xmalloc(((size_t)m0 + 1) * sizeof *xv), *yv = xmalloc(((size_t)m1 + 1) * sizeof *yv);
    lin *xidx = xmalloc(((size_t)m0 + 1) * sizeof *xidx), *yidx = xmalloc(((size_t)m1 + 1) * sizeof *yidx);
    lin nx = 0, ny = 0;
    for (lin i = 0; i < m0; i++) {
        if (disc0[i]) changed0[i] = 1;
        else xv[nx] = eq0[i], xidx[nx++] = i;
    }
    for (lin i = 0; i < m1; i++) {
        if (disc1[i]) changed1[i] = 1;
        else yv[ny] = eq1[i], yidx[ny++] = i;
    }
    ctx c = {xv, yv, xidx, yidx, changed0, changed1, NULL, NULL};
    lin *fdv = xmalloc(((size_t)(nx + ny) + 3) * sizeof *fdv), *bdv = xmalloc(((size_t)(nx + ny) + 3) * sizeof *bdv);
    c.fd = fdv + ny + 1;
    c.bd = bdv + ny + 1;
    compareseq(&c, 0, nx, 0, ny);
    free(fdv);
    free(bdv);
    free(xv);
    free(yv);
    free(xidx);
    free(yidx);
    free(disc0);
    free(disc1);
    free(count0);
    free(count1);
    shift_boundaries(eq0, m0, changed0, changed1);
    shift_boundaries(eq1, m1, changed1, changed0);
}
