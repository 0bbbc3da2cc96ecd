/**
 * The descriptor ops of a WASI process, each a thin translation onto the
 * process's kernel fd table: read/write (which may wait on pipes, here on
 * the kernel thread), positioned I/O, seek, stat, flags, sizes and times,
 * readdir (with "." and ".."), renumber, allocate, advise and poll.
 */
import {
  KernelError,
  O_ACCMODE,
  O_APPEND,
  O_NONBLOCK,
  S_IFDIR,
  S_IFMT,
  S_IFREG,
  dirnamePath,
  joinPath,
  type VfsStat,
} from "@secure-exec/kernel";
import type { BridgeResponse } from "@secure-exec/kernel/worker-bridge";
import { FILESTAT_VALUES, Op } from "../shared/ops.js";
import { decodeTimestamps, encodeTimestamps, nsToMs } from "../shared/time.js";
import { Fdflags, Fstflags } from "../shared/wasi-defs.js";
import { encodeDirents, type WasiDirent } from "./dirents.js";
import { wasiFiletype, wasiFiletypeOfMode } from "./filetype.js";
import { pollFds } from "./poll.js";
import type { PreciseTimes } from "./precise-times.js";
import { OK, type OpContext, type OpHandler } from "./syscall-handler.js";

const encoder = new TextEncoder();

/** A filestat reply: the numeric fields as values, the three timestamps (ns) as payload. */
export function filestatReply(stat: VfsStat, times: PreciseTimes): BridgeResponse {
  const values = new Array<number>(5);
  values[FILESTAT_VALUES.DEV] = stat.dev;
  values[FILESTAT_VALUES.INO] = stat.ino;
  values[FILESTAT_VALUES.FILETYPE] = wasiFiletypeOfMode(stat.mode);
  values[FILESTAT_VALUES.NLINK] = stat.nlink;
  values[FILESTAT_VALUES.SIZE] = stat.size;
  return { values, payload: encodeTimestamps(times.times(stat)) };
}

/**
 * Applies a set-times request: `flags` are fstflags, `requested` the guest's
 * two timestamps (ns). `current` gives the file's stat (for a time left
 * unchanged), `apply` stores milliseconds and returns the stat afterwards.
 */
export async function setTimes(
  flags: number,
  requested: Uint8Array,
  times: PreciseTimes,
  current: () => VfsStat | Promise<VfsStat>,
  apply: (atimeMs: number, mtimeMs: number) => VfsStat | Promise<VfsStat>,
): Promise<BridgeResponse> {
  const [atimNs, mtimNs] = decodeTimestamps(requested, 2);
  const now = Date.now();
  const old = await current();
  const atime = flags & Fstflags.ATIM_NOW ? now : flags & Fstflags.ATIM ? nsToMs(atimNs) : old.atimeMs;
  const mtime = flags & Fstflags.MTIM_NOW ? now : flags & Fstflags.MTIM ? nsToMs(mtimNs) : old.mtimeMs;
  const stored = await apply(atime, mtime);
  times.remember(stored, flags & Fstflags.ATIM ? atimNs : undefined, flags & Fstflags.MTIM ? mtimNs : undefined);
  return OK;
}

/** The descriptor ops for one process. */
export function fdOps({ ki, pid, times }: OpContext): Record<number, OpHandler> {
  const listings = new Map<number, WasiDirent[]>();

  const listing = async (fd: number): Promise<WasiDirent[]> => {
    const st = ki.fdStat(pid, fd);
    if (st.filetype !== "directory") throw new KernelError("ENOTDIR", `fd ${fd}`, { syscall: "getdents" });
    const dir = st.path ?? "/";
    const self = ki.fdFilestat(pid, fd);
    const parent = dir === "/" ? self : await ki.vfs.stat(dirnamePath(dir)).catch(() => self);
    const entries: WasiDirent[] = [
      { name: encoder.encode("."), ino: self.ino, filetype: wasiFiletypeOfMode(S_IFDIR) },
      { name: encoder.encode(".."), ino: parent.ino, filetype: wasiFiletypeOfMode(S_IFDIR) },
    ];
    for (const entry of ki.fdReaddir(pid, fd)) {
      let ino = entry.ino;
      if (ino === undefined) ino = (await ki.vfs.lstat(joinPath(dir, entry.name)).catch(() => ({ ino: 0 }))).ino;
      entries.push({ name: encoder.encode(entry.name), ino, filetype: wasiFiletype(entry.type) });
    }
    return entries;
  };

  /** Runs a read or write; on a directory, its failure is EISDIR whatever the kernel said. */
  const onFile = async (fd: number, io: () => Promise<BridgeResponse>): Promise<BridgeResponse> => {
    try {
      return await io();
    } catch (error) {
      if (ki.fdStat(pid, fd).filetype === "directory") throw new KernelError("EISDIR", `fd ${fd}`, { syscall: "read" });
      throw error;
    }
  };

  /**
   * Reads up to `length` bytes straight into `into` (the channel's reply
   * buffer, which bounds the read), waiting only for the first ones. Taking
   * from a full pipe lets a blocked writer refill it at once, so whatever
   * became available meanwhile is taken too: one round trip then carries as
   * much as the guest asked for (128 KiB for cat) instead of one pipe
   * buffer. Returns the count read.
   */
  const readAvailable = async (fd: number, length: number, into: Uint8Array): Promise<number> => {
    const target = length < into.length ? into.subarray(0, length) : into;
    let total = await ki.fdReadInto(pid, fd, target);
    while (total > 0 && total < target.length && ki.fdPoll(pid, fd).readable) {
      const more = await ki.fdReadInto(pid, fd, target.subarray(total));
      if (more === 0) break;
      total += more;
    }
    return total;
  };

  const ops: Record<number, OpHandler> = {
    [Op.FD_READ]: (a, { replyBuffer }) =>
      onFile(a[0], async () => ({ replyLength: await readAvailable(a[0], a[1], replyBuffer) })),
    // The bytes go to the kernel as a view of the channel: a pipe copies them once, into its buffer.
    [Op.FD_WRITE]: (a, { sharedPayload }) =>
      onFile(a[0], async () => ({ values: [await ki.fdWrite(pid, a[0], sharedPayload)] })),
    [Op.FD_PREAD]: (a) => onFile(a[0], async () => ({ payload: await ki.fdPread(pid, a[0], a[1], BigInt(a[2])) })),
    [Op.FD_PWRITE]: (a, { sharedPayload: payload }) =>
      onFile(a[0], async () => ({ values: [await ki.fdPwrite(pid, a[0], payload, BigInt(a[1]))] })),
    [Op.FD_SEEK]: (a) => {
      if (ki.fdStat(pid, a[0]).filetype === "directory") throw new KernelError("EBADF", "seek on a directory", { syscall: "lseek" });
      return { values: [Number(ki.fdSeek(pid, a[0], BigInt(a[1]), a[2]))] };
    },
    [Op.FD_CLOSE]: (a) => {
      ki.fdClose(pid, a[0]);
      listings.delete(a[0]);
      return OK;
    },
    [Op.FD_SYNC]: (a) => {
      ki.fdSync(pid, a[0]);
      return OK;
    },
    [Op.FD_FDSTAT]: (a): BridgeResponse => {
      const st = ki.fdStat(pid, a[0]);
      const flags = (st.flags & O_APPEND ? Fdflags.APPEND : 0) | (st.flags & O_NONBLOCK ? Fdflags.NONBLOCK : 0);
      const tty = ki.isatty(pid, a[0]) ? 1 : 0;
      return { values: [wasiFiletype(st.filetype), flags, tty, st.flags & O_ACCMODE] };
    },
    [Op.FD_SET_FLAGS]: (a) => {
      const flags = (a[1] & Fdflags.APPEND ? O_APPEND : 0) | (a[1] & Fdflags.NONBLOCK ? O_NONBLOCK : 0);
      ki.fdSetFlags(pid, a[0], flags);
      return OK;
    },
    [Op.FD_FILESTAT]: (a) => filestatReply(ki.fdFilestat(pid, a[0]), times),
    [Op.FD_SET_SIZE]: (a) => {
      ki.fdTruncate(pid, a[0], a[1]);
      return OK;
    },
    [Op.FD_SET_TIMES]: (a, { payload }) =>
      setTimes(a[1], payload, times, () => ki.fdFilestat(pid, a[0]), (atime, mtime) => {
        ki.fdUtimes(pid, a[0], atime, mtime);
        return ki.fdFilestat(pid, a[0]);
      }),
    [Op.FD_READDIR]: async (a) => {
      const fd = a[0];
      const cookie = a[1];
      let entries = cookie === 0 ? undefined : listings.get(fd);
      if (!entries) {
        entries = await listing(fd);
        listings.set(fd, entries);
      }
      return { payload: encodeDirents(entries, cookie, a[2]) };
    },
    [Op.FD_RENUMBER]: (a) => {
      const [from, to] = [a[0], a[1]];
      ki.fdStat(pid, from);
      ki.fdStat(pid, to);
      if (from !== to) {
        ki.fdDup2(pid, from, to);
        ki.fdClose(pid, from);
        listings.delete(from);
        listings.delete(to);
      }
      return OK;
    },
    [Op.FD_ALLOCATE]: (a) => {
      const stat = ki.fdFilestat(pid, a[0]);
      const type = stat.mode & S_IFMT;
      if (type === S_IFDIR) throw new KernelError("EISDIR", undefined, { syscall: "fallocate" });
      if (type !== S_IFREG) throw new KernelError("ESPIPE", undefined, { syscall: "fallocate" });
      const end = a[1] + a[2];
      if (end > stat.size) ki.fdTruncate(pid, a[0], end);
      else if (!(ki.fdStat(pid, a[0]).flags & O_ACCMODE)) throw new KernelError("EBADF", "not open for writing", { syscall: "fallocate" });
      return OK;
    },
    [Op.FD_ADVISE]: (a) => {
      const st = ki.fdStat(pid, a[0]);
      if (st.filetype === "pipe" || st.filetype === "socket") throw new KernelError("ESPIPE", undefined, { syscall: "fadvise" });
      if (st.filetype === "directory") throw new KernelError("EBADF", "fadvise on a directory", { syscall: "fadvise" });
      return OK;
    },
    [Op.POLL]: async (a, { payload }) => ({ payload: await pollFds(ki, pid, a[0], payload) }),
  };
  return ops;
}
