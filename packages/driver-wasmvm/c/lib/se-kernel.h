/*
 * se-kernel.h: what a guest can ask the secure-exec kernel beyond WASI
 * preview1. The functions live in the import module "secure_exec"; every
 * raw import returns a WASI errno (0 on success). The inline wrappers below
 * return -1 and set errno on failure, like their POSIX namesakes.
 *
 * Raw ABI (all integers are i32; strings are pointer + length):
 *   proc_spawn(argv, argv_len, envp, envp_len, cwd, cwd_len,
 *              stdin_fd, stdout_fd, stderr_fd, pid_out)
 *       argv and envp are NUL-terminated strings laid end to end; the
 *       lengths count every byte including the terminators. envp_len ==
 *       0xFFFFFFFF inherits the caller's environment; cwd_len == 0 inherits
 *       the caller's cwd. The three fds are the caller's descriptors the
 *       child gets as 0, 1 and 2. argv[0] names any command of any driver
 *       (or a path). The new pid is stored at pid_out.
 *   proc_waitpid(pid, options, status_out, pid_out)
 *       pid > 0 waits for that child, -1 for any child. options: 1 = WNOHANG
 *       (stores 0 at pid_out when nothing has exited). The status stored is
 *       the exit code: 0..255, or 128 + n when killed by signal n.
 *   proc_kill(pid, signal)        pid < 0 signals the process group -pid
 *   proc_getpid(pid_out) / proc_getppid(pid_out)
 *   fd_pipe(fds_out)              two u32: read end, then write end
 *   fd_dup(fd, fd_out)            lowest free descriptor
 *   fd_dup2(oldfd, newfd)
 *   proc_getcwd(buf, buf_len, len_out)  the process's cwd (ERANGE if short)
 *   proc_chdir(path, path_len)    also what the process's children inherit
 *   path_stat_ext(path, path_len, follow, out)
 *       what WASI's filestat lacks: stores three u32 at out, the full
 *       st_mode (type and permission bits), uid and gid. path is absolute
 *       (the wrapper below makes it so); follow = 1 follows a final symlink.
 *   path_chmod(path, path_len, mode)  sets permission bits (follows symlinks;
 *       path absolute)
 *
 * Without __wasi__ the same functions are implemented with POSIX calls, so
 * commands can be built and tested natively.
 */
#ifndef SE_KERNEL_H
#define SE_KERNEL_H

#include <stddef.h>

/* Spawn argv[0] with envp (NULL: inherit) in cwd (NULL: inherit) and the given stdio fds. Returns the pid. */
int se_spawn(char *const argv[], char *const envp[], const char *cwd, int stdin_fd, int stdout_fd, int stderr_fd);
/* Wait for a child (pid > 0) or any child (-1); options 1 = WNOHANG. Returns the pid, 0 (WNOHANG, none), or -1. */
int se_waitpid(int pid, int *status, int options);
/* Send a signal to pid, or to group -pid. */
int se_kill(int pid, int sig);
/* Create a pipe: fds[0] reads, fds[1] writes. */
int se_pipe(int fds[2]);
/* Duplicate fd to the lowest free descriptor. */
int se_dup(int fd);
/* Make newfd a copy of oldfd. */
int se_dup2(int oldfd, int newfd);
/* This process's id. */
int se_getpid(void);
/* The parent's id. */
int se_getppid(void);
/* Adopt the kernel's idea of the cwd (call once at start-up). */
int se_sync_cwd(void);
/* Change the cwd in libc and in the kernel. */
int se_chdir(const char *path);

/* Mode (type and permission bits), uid and gid of path; follow a final symlink if follow. */
int se_stat_ext(const char *path, int follow, unsigned *mode, unsigned *uid, unsigned *gid);
/* Set the permission bits of path (following symlinks). */
int se_chmod(const char *path, unsigned mode);

#define SE_WNOHANG 1

#endif
