/**
 * Kernel file types and st_mode values in WASI's terms. WASI has no FIFO
 * type, so a pipe is UNKNOWN (which also keeps wasi-libc's isatty false).
 */
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type FileType } from "@secure-exec/kernel";
import { Filetype } from "../shared/wasi-defs.js";

/** The WASI filetype of a kernel file type. */
export function wasiFiletype(type: FileType): number {
  switch (type) {
    case "file": return Filetype.REGULAR_FILE;
    case "directory": return Filetype.DIRECTORY;
    case "symlink": return Filetype.SYMBOLIC_LINK;
    case "chardev": return Filetype.CHARACTER_DEVICE;
    case "socket": return Filetype.SOCKET_STREAM;
    default: return Filetype.UNKNOWN;
  }
}

/** The WASI filetype of an st_mode. */
export function wasiFiletypeOfMode(mode: number): number {
  switch (mode & S_IFMT) {
    case S_IFREG: return Filetype.REGULAR_FILE;
    case S_IFDIR: return Filetype.DIRECTORY;
    case S_IFLNK: return Filetype.SYMBOLIC_LINK;
    case S_IFCHR: return Filetype.CHARACTER_DEVICE;
    case S_IFBLK: return Filetype.BLOCK_DEVICE;
    case S_IFSOCK: return Filetype.SOCKET_STREAM;
    default: return Filetype.UNKNOWN;
  }
}
