/**
 * `getopts optstring name [args...]`: parses options from the positional
 * parameters (or `args`) one call at a time, keeping its place in OPTIND
 * and, within a cluster like `-abc`, in the interpreter. A leading `:` in
 * optstring selects silent error reporting (OPTARG holds the option).
 */
import type { Builtin } from "./index.js";
import { isName } from "./output.js";

/** `getopts optstring name [args...]`. */
export const getoptsBuiltin: Builtin = async (sh, args, name) => {
  if (args.length < 2) {
    await sh.error(`${name}: usage: getopts optstring name [arg ...]`);
    return 2;
  }
  const [spec, varName] = args as [string, string];
  if (!isName(varName)) {
    await sh.error(`${name}: \`${varName}': not a valid identifier`);
    return 2;
  }
  const state = sh.state;
  const argv = args.length > 2 ? args.slice(2) : state.positional;
  const silent = spec.startsWith(":");
  let optind = Number(state.get("OPTIND") ?? "1");
  if (!Number.isInteger(optind) || optind < 1) optind = 1;
  if (state.getoptsIndex !== optind) state.getoptsPos = 1;
  const finish = async (ch: string, status: number): Promise<number> => {
    await sh.assign(varName, ch);
    await sh.assign("OPTIND", String(optind));
    state.getoptsIndex = optind;
    return status;
  };
  if (optind > argv.length) return finish("?", 1);
  const arg = argv[optind - 1]!;
  if (state.getoptsPos === 1) {
    if (arg === "--") {
      optind++;
      return finish("?", 1);
    }
    if (!arg.startsWith("-") || arg === "-") return finish("?", 1);
  }
  const ch = arg[state.getoptsPos]!;
  state.getoptsPos++;
  const advance = (): void => {
    if (state.getoptsPos >= arg.length) {
      optind++;
      state.getoptsPos = 1;
    }
  };
  const at = spec.indexOf(ch, silent ? 1 : 0);
  if (ch === ":" || at < 0) {
    advance();
    if (silent) await sh.assign("OPTARG", ch);
    else {
      state.unset("OPTARG");
      await sh.error(`illegal option -- ${ch}`);
    }
    return finish("?", 0);
  }
  if (spec[at + 1] !== ":") {
    advance();
    state.unset("OPTARG");
    return finish(ch, 0);
  }
  if (state.getoptsPos < arg.length) {
    await sh.assign("OPTARG", arg.slice(state.getoptsPos));
    optind++;
    state.getoptsPos = 1;
    return finish(ch, 0);
  }
  optind++;
  state.getoptsPos = 1;
  if (optind > argv.length) {
    if (silent) {
      await sh.assign("OPTARG", ch);
      return finish(":", 0);
    }
    state.unset("OPTARG");
    await sh.error(`option requires an argument -- ${ch}`);
    return finish("?", 0);
  }
  await sh.assign("OPTARG", argv[optind - 1]!);
  optind++;
  return finish(ch, 0);
};
