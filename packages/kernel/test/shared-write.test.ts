import { describe, expect, it } from "vitest";
import { isSharedView } from "../src/bridge/copy.js";
import { BaseFileObject } from "../src/open-file.js";
import { PipeBuffer, PipeWriteEnd } from "../src/pipe.js";
import { writeObject } from "../src/shared-write.js";
import type { VfsStat } from "../src/vfs/types.js";

const text = (data: Uint8Array) => new TextDecoder().decode(data.slice());

function shared(content: string): Uint8Array {
  const bytes = new TextEncoder().encode(content);
  const view = new Uint8Array(new SharedArrayBuffer(bytes.length + 3), 3);
  view.set(bytes);
  return view;
}

/** Records what each write was given; with `hold`, each write settles only when released. */
class Recorder extends BaseFileObject {
  readonly filetype = "file" as const;
  readonly given: Uint8Array[] = [];
  private readonly releases: (() => void)[] = [];

  constructor(private readonly hold = false) {
    super();
  }

  override write(data: Uint8Array): number | Promise<number> {
    this.given.push(data);
    if (!this.hold) return data.length;
    return new Promise((resolve) => this.releases.push(() => resolve(data.length)));
  }
  /** Settles every held write. */
  settle(): void {
    for (const r of this.releases.splice(0)) r();
  }
  stat(): VfsStat {
    return { dev: 0, ino: 0, mode: 0o100644, nlink: 1, uid: 0, gid: 0, size: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0, birthtimeMs: 0 };
  }
}

describe("writeObject", () => {
  it("gives an object other than a pipe an unshared copy of shared bytes", () => {
    const recorder = new Recorder();
    expect(writeObject(recorder, shared("from a channel"), 0)).toBe(14);
    expect(isSharedView(recorder.given[0])).toBe(false);
    expect(text(recorder.given[0])).toBe("from a channel");
  });

  it("passes unshared bytes through as they are", () => {
    const recorder = new Recorder();
    const data = new TextEncoder().encode("plain");
    writeObject(recorder, data, 0);
    expect(recorder.given[0]).toBe(data);
  });

  it("hands shared bytes to a pipe, which copies them into its buffer", async () => {
    const pipe = new PipeBuffer();
    const data = shared("through the pipe");
    expect(await writeObject(new PipeWriteEnd(pipe), data, 0)).toBe(16);
    data.fill(0);
    expect(text(await pipe.read(100))).toBe("through the pipe");
  });

  it("a write still waiting keeps its bytes while other shared writes go on", async () => {
    const slow = new Recorder(true);
    const fast = new Recorder();
    const pending = writeObject(slow, shared("first, held"), 0);
    writeObject(fast, shared("second"), 0);
    writeObject(fast, shared("third!"), 0);
    expect(text(slow.given[0])).toBe("first, held");
    slow.settle();
    expect(await pending).toBe(11);
    expect(fast.given.map(text)).toEqual(["second", "third!"]);
  });
});
