/*
 * The guest bootstrap: the first script evaluated in a fresh QuickJS
 * context. It owns the registry of built-in modules (each one a source text
 * the worker hands over, compiled on first require), installs the Node-like
 * globals, and returns the hooks the worker drives a process with: `start`,
 * `ticks`, `step`, `fatal`, `beforeExit`, `finish`, and the ES module
 * resolver (left on the global object as `__secureExecHooks`, which the
 * worker takes and deletes). Everything a process sees is built here or in the modules it
 * requires; nothing in this file reads process state before `start`.
 */
(function bootstrap(binding, sources) {
  "use strict";
  const registry = Object.create(null);
  const internal = { binding, registry, require: internalRequire, mainHooks: null };

  function internalRequire(id) {
    const cached = registry[id];
    if (cached) return cached.exports;
    const source = sources[id];
    if (source === undefined) throw new Error(`internal module not found: ${id}`);
    const module = { id, exports: {} };
    registry[id] = module;
    const factory = binding.compile(source, `node:${id}`);
    factory.call(module.exports, module.exports, internalRequire, module, internal);
    return module.exports;
  }

  // Build the image: every module is compiled now, so a process pays nothing for them.
  for (const id of Object.keys(sources)) internalRequire(id);
  internalRequire("internal/globals").install(globalThis);
  Object.defineProperty(globalThis, "__secureExecHooks", { value: internalRequire("internal/main").hooks, configurable: true });
});
