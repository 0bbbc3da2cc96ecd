/* se-kernel.c: the se_* calls of se-kernel.h, over the "secure_exec" imports or, natively, POSIX. */
#include "se-kernel.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __wasi__

#define SE_IMPORT(name) __attribute__((import_module("secure_exec"), import_name(#name)))

SE_IMPORT(proc_spawn) uint32_t se_raw_spawn(const char *argv, uint32_t argv_len, const char *envp, uint32_t envp_len,
                                            const char *cwd, uint32_t cwd_len, uint32_t in_fd, uint32_t out_fd,
                                            uint32_t err_fd, uint32_t *pid_out);
SE_IMPORT(proc_waitpid) uint32_t se_raw_waitpid(int32_t pid, uint32_t options, uint32_t *status_out, uint32_t *pid_out);
SE_IMPORT(proc_kill) uint32_t se_raw_kill(int32_t pid, uint32_t sig);
SE_IMPORT(proc_getpid) uint32_t se_raw_getpid(uint32_t *pid_out);
SE_IMPORT(proc_getppid) uint32_t se_raw_getppid(uint32_t *pid_out);
SE_IMPORT(fd_pipe) uint32_t se_raw_pipe(uint32_t *fds_out);
SE_IMPORT(fd_dup) uint32_t se_raw_dup(uint32_t fd, uint32_t *fd_out);
SE_IMPORT(fd_dup2) uint32_t se_raw_dup2(uint32_t oldfd, uint32_t newfd);
SE_IMPORT(proc_getcwd) uint32_t se_raw_getcwd(char *buf, uint32_t buf_len, uint32_t *len_out);
SE_IMPORT(proc_chdir) uint32_t se_raw_chdir(const char *path, uint32_t path_len);
SE_IMPORT(path_stat_ext) uint32_t se_raw_stat_ext(const char *path, uint32_t path_len, uint32_t follow, uint32_t *out);
SE_IMPORT(path_chmod) uint32_t se_raw_chmod(const char *path, uint32_t path_len, uint32_t mode);

/* WASI errno numbers differ from wasi-libc's errno values only by name table; wasi-libc uses WASI's numbering. */
static int fail(uint32_t err) {
    errno = (int)err;
    return -1;
}

/* Lays NUL-terminated strings end to end; returns the buffer and its length. */
static char *pack(char *const list[], uint32_t *len_out) {
    size_t total = 0;
    for (size_t i = 0; list[i]; i++) total += strlen(list[i]) + 1;
    char *buf = malloc(total ? total : 1);
    if (!buf) return NULL;
    size_t off = 0;
    for (size_t i = 0; list[i]; i++) {
        size_t n = strlen(list[i]) + 1;
        memcpy(buf + off, list[i], n);
        off += n;
    }
    *len_out = (uint32_t)total;
    return buf;
}

int se_spawn(char *const argv[], char *const envp[], const char *cwd, int in_fd, int out_fd, int err_fd) {
    uint32_t argv_len = 0, envp_len = 0xFFFFFFFFu, pid = 0;
    char *argv_buf = pack(argv, &argv_len);
    char *envp_buf = NULL;
    if (!argv_buf) return fail(ENOMEM);
    if (envp) {
        envp_buf = pack(envp, &envp_len);
        if (!envp_buf) {
            free(argv_buf);
            return fail(ENOMEM);
        }
    }
    uint32_t err = se_raw_spawn(argv_buf, argv_len, envp_buf, envp ? envp_len : 0xFFFFFFFFu, cwd,
                                cwd ? (uint32_t)strlen(cwd) : 0, (uint32_t)in_fd, (uint32_t)out_fd,
                                (uint32_t)err_fd, &pid);
    free(argv_buf);
    free(envp_buf);
    return err ? fail(err) : (int)pid;
}

int se_waitpid(int pid, int *status, int options) {
    uint32_t st = 0, got = 0;
    uint32_t err = se_raw_waitpid(pid, (uint32_t)options, &st, &got);
    if (err) return fail(err);
    if (status) *status = (int)st;
    return (int)got;
}

int se_kill(int pid, int sig) {
    uint32_t err = se_raw_kill(pid, (uint32_t)sig);
    return err ? fail(err) : 0;
}

int se_pipe(int fds[2]) {
    uint32_t raw[2];
    uint32_t err = se_raw_pipe(raw);
    if (err) return fail(err);
    fds[0] = (int)raw[0];
    fds[1] = (int)raw[1];
    return 0;
}

int se_dup(int fd) {
    uint32_t out = 0;
    uint32_t err = se_raw_dup((uint32_t)fd, &out);
    return err ? fail(err) : (int)out;
}

int se_dup2(int oldfd, int newfd) {
    uint32_t err = se_raw_dup2((uint32_t)oldfd, (uint32_t)newfd);
    return err ? fail(err) : newfd;
}

int se_getpid(void) {
    uint32_t pid = 0;
    return se_raw_getpid(&pid) ? -1 : (int)pid;
}

int se_getppid(void) {
    uint32_t pid = 0;
    return se_raw_getppid(&pid) ? -1 : (int)pid;
}

int se_sync_cwd(void) {
    char buf[4096];
    uint32_t len = 0;
    uint32_t err = se_raw_getcwd(buf, sizeof buf - 1, &len);
    if (err) return fail(err);
    buf[len] = '\0';
    return chdir(buf);
}

int se_chdir(const char *path) {
    if (chdir(path) != 0) return -1;
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) return -1;
    uint32_t err = se_raw_chdir(buf, (uint32_t)strlen(buf));
    return err ? fail(err) : 0;
}

/* path made absolute against libc's cwd (which se_sync_cwd keeps equal to the kernel's); caller frees. */
static char *absolute(const char *path) {
    if (path[0] == '/') return strdup(path);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) return NULL;
    size_t a = strlen(cwd), b = strlen(path);
    char *out = malloc(a + b + 2);
    if (!out) return NULL;
    memcpy(out, cwd, a);
    out[a] = '/';
    memcpy(out + a + 1, path, b + 1);
    return out;
}

int se_stat_ext(const char *path, int follow, unsigned *mode, unsigned *uid, unsigned *gid) {
    char *abs = absolute(path);
    if (!abs) return fail(ENOMEM);
    uint32_t out[3] = {0, 0, 0};
    uint32_t err = se_raw_stat_ext(abs, (uint32_t)strlen(abs), follow ? 1 : 0, out);
    free(abs);
    if (err) return fail(err);
    *mode = out[0];
    *uid = out[1];
    *gid = out[2];
    return 0;
}

int se_chmod(const char *path, unsigned mode) {
    char *abs = absolute(path);
    if (!abs) return fail(ENOMEM);
    uint32_t err = se_raw_chmod(abs, (uint32_t)strlen(abs), mode);
    free(abs);
    return err ? fail(err) : 0;
}

#else /* native build, for testing commands against GNU on the host */

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

extern char **environ;

/* The child reports a failed chdir or exec through a close-on-exec pipe, so se_spawn fails with that errno as proc_spawn does. */
int se_spawn(char *const argv[], char *const envp[], const char *cwd, int in_fd, int out_fd, int err_fd) {
    int report[2];
    if (pipe(report) != 0) return -1;
    fcntl(report[1], F_SETFD, FD_CLOEXEC);
    pid_t pid = fork();
    if (pid < 0) {
        close(report[0]);
        close(report[1]);
        return -1;
    }
    if (pid == 0) {
        close(report[0]);
        int fds[3] = {in_fd, out_fd, err_fd};
        int copies[3];
        for (int i = 0; i < 3; i++) copies[i] = fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
        for (int i = 0; i < 3; i++) dup2(copies[i], i);
        if (!cwd || chdir(cwd) == 0) {
            if (envp) environ = (char **)envp;
            execvp(argv[0], argv);
        }
        int e = errno;
        (void)!write(report[1], &e, sizeof e);
        _exit(127);
    }
    close(report[1]);
    int e = 0;
    ssize_t n;
    while ((n = read(report[0], &e, sizeof e)) < 0 && errno == EINTR) {
    }
    close(report[0]);
    if (n == (ssize_t)sizeof e) {
        waitpid(pid, NULL, 0);
        errno = e;
        return -1;
    }
    return pid;
}

int se_waitpid(int pid, int *status, int options) {
    int st = 0;
    pid_t got = waitpid(pid, &st, options & SE_WNOHANG ? WNOHANG : 0);
    if (got <= 0) return got;
    if (status) *status = WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
    return got;
}

int se_kill(int pid, int sig) { return kill(pid, sig); }
int se_pipe(int fds[2]) { return pipe(fds); }
int se_dup(int fd) { return dup(fd); }
int se_dup2(int oldfd, int newfd) { return dup2(oldfd, newfd); }
int se_getpid(void) { return getpid(); }
int se_getppid(void) { return getppid(); }
int se_sync_cwd(void) { return 0; }
int se_chdir(const char *path) { return chdir(path); }

int se_stat_ext(const char *path, int follow, unsigned *mode, unsigned *uid, unsigned *gid) {
    struct stat st;
    if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) return -1;
    *mode = st.st_mode;
    *uid = st.st_uid;
    *gid = st.st_gid;
    return 0;
}

int se_chmod(const char *path, unsigned mode) { return chmod(path, mode); }

#endif
