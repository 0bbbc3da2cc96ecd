/**
 * The builtin table. A builtin gets the interpreter, its arguments (after
 * the name) and the name it was called by, and returns its exit status;
 * output goes through the interpreter's fd writes. Special builtins
 * (POSIX's list) keep the assignments written before them.
 */
import type { Interpreter } from "../interpreter.js";
import { aliasBuiltin, unaliasBuiltin } from "./alias.js";
import { cdBuiltin, pwdBuiltin } from "./cd.js";
import { callerBuiltin } from "./caller.js";
import { builtinBuiltin, commandBuiltin, typeBuiltin } from "./command.js";
import { dirsBuiltin, popdBuiltin, pushdBuiltin } from "./dirs.js";
import { echoBuiltin } from "./echo.js";
import { evalBuiltin, shiftBuiltin, sourceBuiltin } from "./eval.js";
import { breakBuiltin, continueBuiltin, exitBuiltin, returnBuiltin } from "./flow.js";
import { getoptsBuiltin } from "./getopts.js";
import { disownBuiltin, fgBuiltin, jobsBuiltin } from "./job-control.js";
import { killBuiltin, waitBuiltin } from "./jobs.js";
import { mapfileBuiltin } from "./mapfile.js";
import { hashBuiltin, letBuiltin } from "./misc.js";
import { printfBuiltin } from "./printf.js";
import { readBuiltin } from "./read.js";
import { timesBuiltin, ulimitBuiltin } from "./resources.js";
import { setBuiltin } from "./set.js";
import { shoptBuiltin } from "./shopt.js";
import { testBuiltin } from "./test.js";
import { trapBuiltin } from "./trap.js";
import { falseBuiltin, trueBuiltin } from "./trivial.js";
import { umaskBuiltin } from "./umask.js";
import { declareBuiltin } from "./declare.js";
import { exportBuiltin, readonlyBuiltin, unsetBuiltin } from "./variables.js";

/** A builtin command: returns its exit status. */
export type Builtin = (sh: Interpreter, args: string[], name: string) => Promise<number>;

/** Every builtin by name (`exec` is handled by the simple-command runner, which owns its redirections). */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [":", trueBuiltin],
  ["alias", aliasBuiltin],
  ["unalias", unaliasBuiltin],
  ["true", trueBuiltin],
  ["false", falseBuiltin],
  ["echo", echoBuiltin],
  ["printf", printfBuiltin],
  ["cd", cdBuiltin],
  ["pwd", pwdBuiltin],
  ["export", exportBuiltin],
  ["readonly", readonlyBuiltin],
  ["unset", unsetBuiltin],
  ["local", declareBuiltin],
  ["declare", declareBuiltin],
  ["typeset", declareBuiltin],
  ["set", setBuiltin],
  ["shopt", shoptBuiltin],
  ["shift", shiftBuiltin],
  ["break", breakBuiltin],
  ["continue", continueBuiltin],
  ["return", returnBuiltin],
  ["exit", exitBuiltin],
  ["eval", evalBuiltin],
  [".", sourceBuiltin],
  ["source", sourceBuiltin],
  ["test", testBuiltin],
  ["[", testBuiltin],
  ["read", readBuiltin],
  ["mapfile", mapfileBuiltin],
  ["readarray", mapfileBuiltin],
  ["wait", waitBuiltin],
  ["kill", killBuiltin],
  ["trap", trapBuiltin],
  ["command", commandBuiltin],
  ["type", typeBuiltin],
  ["getopts", getoptsBuiltin],
  ["umask", umaskBuiltin],
  ["let", letBuiltin],
  ["hash", hashBuiltin],
  ["builtin", builtinBuiltin],
  ["caller", callerBuiltin],
  ["pushd", pushdBuiltin],
  ["popd", popdBuiltin],
  ["dirs", dirsBuiltin],
  ["ulimit", ulimitBuiltin],
  ["times", timesBuiltin],
  ["jobs", jobsBuiltin],
  ["fg", fgBuiltin],
  ["bg", fgBuiltin],
  ["disown", disownBuiltin],
]);

/** POSIX special builtins (plus `exec`, which has its own path). */
export const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([
  ":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift", "trap", "unset",
]);
