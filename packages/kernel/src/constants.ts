/**
 * Numeric constants of the kernel ABI, with Linux's values so that C
 * programs and drivers can pass them through unchanged.
 */

/** Open for reading only. */
export const O_RDONLY = 0;
/** Open for writing only. */
export const O_WRONLY = 1;
/** Open for reading and writing. */
export const O_RDWR = 2;
/** Mask of the access-mode bits. */
export const O_ACCMODE = 3;
/** Create the file if it does not exist. */
export const O_CREAT = 0o100;
/** With O_CREAT: fail with EEXIST if it exists. */
export const O_EXCL = 0o200;
/** Truncate to zero length on open. */
export const O_TRUNC = 0o1000;
/** Every write appends. */
export const O_APPEND = 0o2000;
/** Reads and writes never wait; they fail with EAGAIN. */
export const O_NONBLOCK = 0o4000;
/** Fail with ENOTDIR unless the path names a directory. */
export const O_DIRECTORY = 0o200000;
/** Fail with ELOOP if the last component is a symlink. */
export const O_NOFOLLOW = 0o400000;
/** Close the descriptor when the process execs (kept for completeness; spawn never inherits it). */
export const O_CLOEXEC = 0o2000000;

/** Seek from the start. */
export const SEEK_SET = 0;
/** Seek from the cursor. */
export const SEEK_CUR = 1;
/** Seek from the end. */
export const SEEK_END = 2;

/** waitpid: return at once if no child has exited. */
export const WNOHANG = 1;

/** File type mask of st_mode. */
export const S_IFMT = 0o170000;
/** Socket. */
export const S_IFSOCK = 0o140000;
/** Symbolic link. */
export const S_IFLNK = 0o120000;
/** Regular file. */
export const S_IFREG = 0o100000;
/** Block device. */
export const S_IFBLK = 0o060000;
/** Directory. */
export const S_IFDIR = 0o040000;
/** Character device. */
export const S_IFCHR = 0o020000;
/** FIFO (pipe). */
export const S_IFIFO = 0o010000;

/** Signal numbers (Linux). */
export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGABRT = 6;
export const SIGKILL = 9;
export const SIGUSR1 = 10;
export const SIGSEGV = 11;
export const SIGUSR2 = 12;
export const SIGPIPE = 13;
export const SIGALRM = 14;
export const SIGTERM = 15;
export const SIGCHLD = 17;
export const SIGCONT = 18;
export const SIGSTOP = 19;
export const SIGTSTP = 20;

/** Signal names by number, without the SIG prefix (as `kill -l` prints them). */
export const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  1: "HUP", 2: "INT", 3: "QUIT", 4: "ILL", 5: "TRAP", 6: "ABRT", 7: "BUS", 8: "FPE",
  9: "KILL", 10: "USR1", 11: "SEGV", 12: "USR2", 13: "PIPE", 14: "ALRM", 15: "TERM",
  16: "STKFLT", 17: "CHLD", 18: "CONT", 19: "STOP", 20: "TSTP", 21: "TTIN", 22: "TTOU",
  23: "URG", 24: "XCPU", 25: "XFSZ", 26: "VTALRM", 27: "PROF", 28: "WINCH", 29: "IO",
  30: "PWR", 31: "SYS",
};

/** The size of a pipe's buffer, in bytes. */
export const PIPE_BUFFER_SIZE = 65536;
