/**
 * `alias [name[=value]...]` and `unalias [-a] name...`. Aliases are
 * expanded by the parser where a command word can appear; a script sees
 * a new alias from its next line on.
 */
import { shellQuote } from "../simple-command.js";
import type { Builtin } from "./index.js";
import { writeOut } from "./output.js";

const ALIAS_NAME = /^[^\s=|&;<>()$`\\"'/]+$/;

/** `alias [name[=value]...]`: defines or lists aliases. */
export const aliasBuiltin: Builtin = async (sh, args, name) => {
  const aliases = sh.state.aliases;
  const list = (names: string[]) => names.map((n) => `alias ${n}=${shellQuote(aliases.get(n)!)}\n`).join("");
  if (args[0] === "-p") args = args.slice(1);
  if (args.length === 0) return writeOut(sh, name, list([...aliases.keys()].sort()));
  let status = 0;
  let out = "";
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq < 0) {
      if (aliases.has(arg)) out += list([arg]);
      else {
        await sh.error(`${name}: ${arg}: not found`);
        status = 1;
      }
      continue;
    }
    const alias = arg.slice(0, eq);
    if (!ALIAS_NAME.test(alias)) {
      await sh.error(`${name}: \`${alias}': invalid alias name`);
      status = 1;
      continue;
    }
    aliases.set(alias, arg.slice(eq + 1));
    sh.state.aliasesChanged = true;
  }
  const written = await writeOut(sh, name, out);
  return written !== 0 ? written : status;
};

/** `unalias [-a] name...`: removes aliases. */
export const unaliasBuiltin: Builtin = async (sh, args, name) => {
  const aliases = sh.state.aliases;
  if (args[0] === "-a") {
    aliases.clear();
    sh.state.aliasesChanged = true;
    return 0;
  }
  if (args.length === 0) {
    await sh.error(`${name}: usage: unalias [-a] name [name ...]`);
    return 2;
  }
  let status = 0;
  for (const a of args) {
    if (aliases.delete(a)) sh.state.aliasesChanged = true;
    else {
      await sh.error(`${name}: ${a}: not found`);
      status = 1;
    }
  }
  return status;
};
