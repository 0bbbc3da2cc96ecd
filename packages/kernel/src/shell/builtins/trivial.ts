/**
 * The builtins that only return a status: `:`, `true` and `false`.
 */
import type { Builtin } from "./index.js";

/** `:` and `true`: succeed, ignoring their arguments. */
export const trueBuiltin: Builtin = async () => 0;

/** `false`: fail with status 1. */
export const falseBuiltin: Builtin = async () => 1;
