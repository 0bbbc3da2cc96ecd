/*
 * main.c: the multicall entry. argv[0]'s last path component picks the
 * command from the table the build generates out of the SE_COMMAND markers
 * in c/cmd/ files; invoked under its own name, the binary takes the command
 * from argv[1] instead (as busybox does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/common.h"
#include "lib/se-kernel.h"
#include "commands.gen.h"

static char stdout_buf[65536];
static char stdin_buf[65536];

static const struct se_command *find(const char *name) {
    for (size_t i = 0; i < sizeof se_commands / sizeof se_commands[0]; i++)
        if (strcmp(se_commands[i].name, name) == 0) return &se_commands[i];
    return NULL;
}

int main(int argc, char **argv) {
    const char *name = argc > 0 ? argv[0] : "";
    const char *slash = strrchr(name, '/');
    if (slash) name = slash + 1;
    const struct se_command *cmd = find(name);
    if (!cmd && argc > 1) {
        argv++;
        argc--;
        name = argv[0];
        cmd = find(name);
    }
    if (!cmd) {
        fprintf(stderr, "secure-exec: %s: command not found\n", name);
        return 127;
    }
    se_prog = cmd->name;
    /* Full buffering for pipes and files, as GNU tools have; a terminal stays line-buffered. */
    if (!isatty(1)) setvbuf(stdout, stdout_buf, _IOFBF, sizeof stdout_buf);
    setvbuf(stdin, stdin_buf, _IOFBF, sizeof stdin_buf);
    se_sync_cwd();
    int status = cmd->main(argc, argv);
    if (se_flush_stdout() && status == 0) status = 1;
    return status;
}
