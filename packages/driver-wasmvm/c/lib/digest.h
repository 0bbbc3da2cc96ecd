/*
 * digest.h: the message digests behind md5sum, sha1sum and sha256sum
 * (RFC 1321, FIPS 180-4), incremental: init, update any number of times,
 * final.
 */
#ifndef SE_DIGEST_H
#define SE_DIGEST_H

#include <stddef.h>
#include <stdint.h>

/* State of any of the three digests (all process 64-byte blocks). */
struct digest_ctx {
    uint32_t h[8];
    uint64_t length; /* bytes so far */
    unsigned char block[64];
    size_t used;
};

/* One digest algorithm. */
struct digest_algo {
    const char *name;    /* as in BSD-style lines: "MD5", "SHA1", "SHA256" */
    size_t size;         /* digest bytes */
    void (*init)(struct digest_ctx *ctx);
    void (*compress)(struct digest_ctx *ctx, const unsigned char block[64]);
    int big_endian;      /* length and output byte order */
};

extern const struct digest_algo digest_md5, digest_sha1, digest_sha256;

void digest_init(const struct digest_algo *a, struct digest_ctx *ctx);
void digest_update(const struct digest_algo *a, struct digest_ctx *ctx, const void *data, size_t n);
void digest_final(const struct digest_algo *a, struct digest_ctx *ctx, unsigned char *out);

#endif
