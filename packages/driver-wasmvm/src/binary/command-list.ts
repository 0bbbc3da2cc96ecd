/**
 * The commands a multicall binary provides, read from its custom section
 * "secure-exec.commands" (one name per line), which the build writes from
 * the same markers that build the binary's dispatch table.
 */
import { customSections } from "./wasm-binary.js";

/** The custom section holding the command names. */
export const COMMANDS_SECTION = "secure-exec.commands";

/** The command names listed in `bytes`' "secure-exec.commands" section (empty if it has none). */
export function readCommandList(bytes: Uint8Array): string[] {
  const names: string[] = [];
  for (const section of customSections(bytes, COMMANDS_SECTION)) {
    for (const line of new TextDecoder().decode(section).split("\n")) {
      const name = line.trim();
      if (name !== "" && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
