/* true, false: exit with a fixed status, ignoring arguments (as GNU does, but for --help/--version). */
#include "lib/common.h"

SE_COMMAND(main_true, "true")
SE_COMMAND(main_false, "false")

int main_true(int argc, char **argv) { return 0; }
int main_false(int argc, char **argv) { return 1; }
