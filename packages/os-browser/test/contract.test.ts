import { defineFileSystemSuite } from "@secure-exec/kernel/testing";
import { createInMemoryFileSystem } from "../src/index.js";

defineFileSystemSuite("os-browser (memfs)", () => createInMemoryFileSystem({ empty: true }));
defineFileSystemSuite("os-browser (memfs, with the Unix skeleton)", () => createInMemoryFileSystem());
