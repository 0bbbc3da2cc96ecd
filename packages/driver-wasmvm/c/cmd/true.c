/* true, false: exit with a fixed status, ignoring arguments (as GNU does, but for --help/--version). */
#include <stdio.h>
#include <string.h>

#include "lib/common.h"

SE_COMMAND(main_true, "true")
SE_COMMAND(main_false, "false")

/* GNU's true and false answer --help and --version only as their single argument; false still exits 1. */
static int run(int argc, char **argv, int status) {
    if (argc == 2 && !strcmp(argv[1], "--help"))
        printf("Usage: %s [ignored command line arguments]\n  or:  %s OPTION\nExit with a status code indicating %s.\n",
               se_prog, se_prog, status ? "failure" : "success");
    else if (argc == 2 && !strcmp(argv[1], "--version"))
        se_version(status);
    return status;
}

int main_true(int argc, char **argv) { return run(argc, argv, 0); }
int main_false(int argc, char **argv) { return run(argc, argv, 1); }
