/* sha1sum: the SHA1 checksum command (see lib/checksum.c). */
#include "lib/checksum.h"
#include "lib/common.h"

SE_COMMAND(main_sha1sum, "sha1sum")

int main_sha1sum(int argc, char **argv) { return checksum_main(argc, argv, &digest_sha1); }
