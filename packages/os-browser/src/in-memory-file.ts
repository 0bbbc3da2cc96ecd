/**
 * An open regular file of the in-memory file system: a `VfsFile` over one
 * memfs inode. It holds the inode, not the path, so it keeps working after
 * the file is renamed or unlinked; the file system frees an unlinked inode
 * when its last handle closes. Positions are explicit (the kernel owns the
 * cursor). Access mode is enforced here: reading a write-only handle or
 * writing a read-only one gives EBADF.
 */
import { O_ACCMODE, O_RDONLY, O_WRONLY, pathError, type VfsFile, type VfsStat } from "@secure-exec/kernel";
import { inodeStat } from "./inode-stat.js";
import type { Inode } from "./memfs-types.js";

/** Largest file size accepted (the limit of a JavaScript typed array is near it). */
const MAX_FILE_SIZE = 2 ** 31 - 1;

/** A handle on one inode, opened with an access mode. */
export class InMemoryFile implements VfsFile {
  private closed = false;

  constructor(
    private readonly node: Inode,
    private readonly path: string,
    private readonly flags: number,
    private readonly dev: number,
    private readonly onClose: (node: Inode) => void,
  ) {}

  read(buffer: Uint8Array, position: number): number {
    this.checkOpen("read");
    if ((this.flags & O_ACCMODE) === O_WRONLY) throw pathError("EBADF", "read", this.path);
    checkPosition(position, "read", this.path);
    const size = this.node.getSize();
    if (position >= size) return 0;
    const count = Math.min(buffer.byteLength, size - position);
    buffer.set(this.node.buf.subarray(position, position + count));
    return count;
  }

  write(data: Uint8Array, position: number): number {
    this.checkWritable("write");
    checkPosition(position, "write", this.path);
    if (data.byteLength === 0) return 0;
    const end = position + data.byteLength;
    if (end > MAX_FILE_SIZE) throw pathError("EFBIG", "write", this.path);
    // truncate() grows the buffer geometrically, so appends stay amortized O(1).
    if (end > this.node.getSize()) this.node.truncate(end);
    this.node.buf.set(data, position);
    this.node.touch();
    return data.byteLength;
  }

  stat(): VfsStat {
    this.checkOpen("fstat");
    return inodeStat(this.node, this.dev);
  }

  truncate(length: number): void {
    this.checkOpen("ftruncate");
    if ((this.flags & O_ACCMODE) === O_RDONLY) throw pathError("EINVAL", "ftruncate", this.path);
    if (!Number.isSafeInteger(length) || length < 0) throw pathError("EINVAL", "ftruncate", this.path);
    if (length > MAX_FILE_SIZE) throw pathError("EFBIG", "ftruncate", this.path);
    this.node.truncate(length);
  }

  utimes(atimeMs: number, mtimeMs: number): void {
    this.checkOpen("futimes");
    if (!Number.isFinite(atimeMs) || !Number.isFinite(mtimeMs)) throw pathError("EINVAL", "futimes", this.path);
    this.node.atime = new Date(atimeMs);
    this.node.mtime = new Date(mtimeMs);
  }

  sync(): void {
    this.checkOpen("fsync");
  }

  close(): void {
    this.checkOpen("close");
    this.closed = true;
    this.onClose(this.node);
  }

  private checkOpen(syscall: string): void {
    if (this.closed) throw pathError("EBADF", syscall, this.path);
  }

  private checkWritable(syscall: string): void {
    this.checkOpen(syscall);
    if ((this.flags & O_ACCMODE) === O_RDONLY) throw pathError("EBADF", syscall, this.path);
  }
}

function checkPosition(position: number, syscall: string, path: string): void {
  if (!Number.isSafeInteger(position) || position < 0) throw pathError("EINVAL", syscall, path);
}
