/**
 * @secure-exec/os-browser: an in-memory file system for the secure-exec
 * kernel, on memfs. Web-standard APIs only; runs in browsers and in Node.
 */
export { createInMemoryFileSystem, SKELETON_DIRECTORIES, type InMemoryFileSystemOptions } from "./create-in-memory-file-system.js";
