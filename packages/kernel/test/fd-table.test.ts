import { describe, expect, it } from "vitest";
import { FdTable } from "../src/fd-table.js";
import { OpenFile } from "../src/open-file.js";
import { PipeBuffer, PipeReadEnd, PipeWriteEnd } from "../src/pipe.js";
import { O_RDONLY, O_WRONLY } from "../src/constants.js";

function pipeFiles() {
  const pipe = new PipeBuffer();
  return { pipe, read: new OpenFile(new PipeReadEnd(pipe), O_RDONLY), write: new OpenFile(new PipeWriteEnd(pipe), O_WRONLY) };
}

describe("FdTable", () => {
  it("allocates the lowest free descriptor", () => {
    const table = new FdTable();
    const { read, write } = pipeFiles();
    expect(table.allocate(read)).toBe(0);
    expect(table.allocate(write)).toBe(1);
    table.close(0);
    expect(table.allocate(read)).toBe(0);
  });

  it("dup shares the open-file description", () => {
    const table = new FdTable();
    const { read } = pipeFiles();
    table.allocate(read);
    const copy = table.dup(0);
    expect(copy).toBe(1);
    expect(table.get(1)).toBe(table.get(0));
    expect(read.refs).toBe(2);
  });

  it("dup with a minimum takes the lowest free descriptor at or above it", () => {
    const table = new FdTable();
    table.allocate(pipeFiles().read);
    expect(table.dup(0, 10)).toBe(10);
  });

  it("dup2 replaces and closes the target", () => {
    const table = new FdTable();
    const a = pipeFiles();
    const b = pipeFiles();
    table.allocate(a.write);
    table.allocate(b.write);
    table.dup2(0, 1);
    expect(table.get(1)).toBe(a.write);
    expect(b.pipe.writerOpen).toBe(false);
  });

  it("the object is released only when the last reference closes", () => {
    const table = new FdTable();
    const { pipe, write } = pipeFiles();
    table.allocate(write);
    const child = table.clone(false);
    table.close(0);
    expect(pipe.writerOpen).toBe(true);
    child.close(0);
    expect(pipe.writerOpen).toBe(false);
  });

  it("closing an unused descriptor fails with EBADF", () => {
    expect(() => new FdTable().close(3)).toThrow(expect.objectContaining({ code: "EBADF" }));
  });

  it("allocating past the limit fails with EMFILE", () => {
    const table = new FdTable(2);
    const { read } = pipeFiles();
    table.allocate(read);
    table.allocate(read);
    expect(() => table.allocate(read)).toThrow(expect.objectContaining({ code: "EMFILE" }));
  });

  it("dup2 onto a descriptor beyond the limit fails with EBADF", () => {
    const table = new FdTable(4);
    table.allocate(pipeFiles().read);
    expect(() => table.dup2(0, 4)).toThrow(expect.objectContaining({ code: "EBADF" }));
  });
});

describe("FdTable close-on-exec", () => {
  it("a spawn's copy leaves out close-on-exec descriptors and a fork's copy keeps them", () => {
    const table = new FdTable();
    const { read, write } = pipeFiles();
    table.allocate(read);
    table.allocate(write, 0, true);
    expect(table.clone(true).openFds()).toEqual([0]);
    const forked = table.clone(false);
    expect(forked.openFds()).toEqual([0, 1]);
    expect(forked.isCloseOnExec(1)).toBe(true);
  });

  it("dup clears close-on-exec unless asked to keep it", () => {
    const table = new FdTable();
    table.allocate(pipeFiles().read, 0, true);
    expect(table.isCloseOnExec(table.dup(0))).toBe(false);
    expect(table.isCloseOnExec(table.dup(0, 5, true))).toBe(true);
  });
});
