/* sha256sum: the SHA256 checksum command (see lib/checksum.c). */
#include "lib/checksum.h"
#include "lib/common.h"

SE_COMMAND(main_sha256sum, "sha256sum")

int main_sha256sum(int argc, char **argv) { return checksum_main(argc, argv, &digest_sha256); }
