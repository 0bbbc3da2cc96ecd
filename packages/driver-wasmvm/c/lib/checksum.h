/*
 * checksum.h: the md5sum/sha1sum/sha256sum command, shared by the three:
 * print "HASH  NAME" lines (-b "HASH *NAME", --tag "ALGO (NAME) = HASH",
 * names with backslash or newline escaped) or check such lines (-c) with
 * GNU's messages, counts and exit status.
 */
#ifndef SE_CHECKSUM_H
#define SE_CHECKSUM_H

#include "digest.h"

/* Runs the checksum command for ALGO. */
int checksum_main(int argc, char **argv, const struct digest_algo *algo);

#endif
