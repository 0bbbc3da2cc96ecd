/* md5sum: the MD5 checksum command (see lib/checksum.c). */
#include "lib/checksum.h"
#include "lib/common.h"

SE_COMMAND(main_md5sum, "md5sum")

int main_md5sum(int argc, char **argv) { return checksum_main(argc, argv, &digest_md5); }
