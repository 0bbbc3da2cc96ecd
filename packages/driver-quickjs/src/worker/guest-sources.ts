/**
 * The guest runtime's sources, bundled as text. `bootstrap` is evaluated
 * first; every other entry is a module it compiles by id ("fs",
 * "internal/loop"), the path of its file under guest/ without ".js".
 */
import src_assert from "../guest/assert.js?text";
import src_assert_strict from "../guest/assert/strict.js?text";
import src_bootstrap from "../guest/bootstrap.js?text";
import src_buffer from "../guest/buffer.js?text";
import src_child_process from "../guest/child_process.js?text";
import src_crypto from "../guest/crypto.js?text";
import src_events from "../guest/events.js?text";
import src_fs from "../guest/fs.js?text";
import src_fs_promises from "../guest/fs/promises.js?text";
import src_internal_console from "../guest/internal/console.js?text";
import src_internal_encoding from "../guest/internal/encoding.js?text";
import src_internal_errors from "../guest/internal/errors.js?text";
import src_internal_fd_stream from "../guest/internal/fd-stream.js?text";
import src_internal_globals from "../guest/internal/globals.js?text";
import src_internal_inspect from "../guest/internal/inspect.js?text";
import src_internal_loop from "../guest/internal/loop.js?text";
import src_internal_main from "../guest/internal/main.js?text";
import src_internal_modules from "../guest/internal/modules.js?text";
import src_internal_process from "../guest/internal/process.js?text";
import src_internal_promise_tracker from "../guest/internal/promise-tracker.js?text";
import src_internal_sys from "../guest/internal/sys.js?text";
import src_os from "../guest/os.js?text";
import src_path from "../guest/path.js?text";
import src_querystring from "../guest/querystring.js?text";
import src_readline from "../guest/readline.js?text";
import src_readline_promises from "../guest/readline/promises.js?text";
import src_stream from "../guest/stream.js?text";
import src_string_decoder from "../guest/string_decoder.js?text";
import src_timers from "../guest/timers.js?text";
import src_timers_promises from "../guest/timers/promises.js?text";
import src_tty from "../guest/tty.js?text";
import src_url from "../guest/url.js?text";
import src_util from "../guest/util.js?text";

/** The bootstrap script: a function expression taking (binding, sources). */
export const BOOTSTRAP_SOURCE: string = src_bootstrap;

/** Module id → source text of every built-in and internal module. */
export const MODULE_SOURCES: Readonly<Record<string, string>> = {
  "assert": src_assert,
  "assert/strict": src_assert_strict,
  "buffer": src_buffer,
  "child_process": src_child_process,
  "crypto": src_crypto,
  "events": src_events,
  "fs": src_fs,
  "fs/promises": src_fs_promises,
  "internal/console": src_internal_console,
  "internal/encoding": src_internal_encoding,
  "internal/errors": src_internal_errors,
  "internal/fd-stream": src_internal_fd_stream,
  "internal/globals": src_internal_globals,
  "internal/inspect": src_internal_inspect,
  "internal/loop": src_internal_loop,
  "internal/main": src_internal_main,
  "internal/modules": src_internal_modules,
  "internal/process": src_internal_process,
  "internal/promise-tracker": src_internal_promise_tracker,
  "internal/sys": src_internal_sys,
  "os": src_os,
  "path": src_path,
  "querystring": src_querystring,
  "readline": src_readline,
  "readline/promises": src_readline_promises,
  "stream": src_stream,
  "string_decoder": src_string_decoder,
  "timers": src_timers,
  "timers/promises": src_timers_promises,
  "tty": src_tty,
  "url": src_url,
  "util": src_util,
};
