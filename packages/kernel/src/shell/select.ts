/**
 * bash's `select name [in words]; do list; done`: prints the words as a
 * numbered menu and the PS3 prompt (default `#? `) on stderr, reads a line
 * from stdin into REPLY, sets name to the word chosen (empty for anything
 * else) and runs the list, until `break` or end of input (status 1, after
 * a newline, which bash writes on stdout). An empty line shows the menu again.
 */
import type { ForCommand } from "./ast.js";
import { readBuiltin } from "./builtins/read.js";
import { ShellAborted } from "./control-flow.js";
import { expandWords } from "./expand.js";
import type { Interpreter } from "./interpreter.js";
import { printWord } from "./print.js";
import { traceIfOn } from "./xtrace.js";

export async function runSelect(sh: Interpreter, cmd: ForCommand): Promise<number> {
  const state = sh.state;
  const items = cmd.items === null ? [...state.positional] : await expandWords(sh, cmd.items);
  await traceIfOn(sh, () => `select ${cmd.name} in ${cmd.items === null ? '"$@"' : cmd.items.map(printWord).join(" ")}`);
  if (items.length === 0) return 0;
  const width = String(items.length).length;
  const menu = items.map((item, i) => `${String(i + 1).padStart(width)}) ${item}\n`).join("");
  let atEnd = false;
  let showMenu = true;
  const status = await sh.runLoop(async () => {
    for (;;) {
      if (showMenu) await say(sh, menu);
      showMenu = false;
      await say(sh, state.get("PS3") ?? "#? ");
      if ((await readBuiltin(sh, ["-r"], "read")) !== 0) {
        await say(sh, "\n", 1);
        atEnd = true;
        return false;
      }
      const reply = state.get("REPLY") ?? "";
      if (reply === "") {
        showMenu = true;
        continue;
      }
      const n = /^[0-9]+$/.test(reply.trim()) ? Number(reply.trim()) : 0;
      await sh.assign(cmd.name, n >= 1 && n <= items.length ? items[n - 1]! : "");
      return true;
    }
  }, cmd.body);
  return atEnd ? 1 : status;
}

/** Writes the menu or prompt to stderr, or to `fd` (an unwritable one is no error). */
async function say(sh: Interpreter, text: string, fd = 2): Promise<void> {
  try {
    await sh.write(fd, text);
  } catch (err) {
    if (err instanceof ShellAborted) throw err;
  }
}
