// Appends the custom section "secure-exec.commands" (command names, one per
// line) to a WebAssembly binary, so the driver reads the command list from
// the binary itself: add-command-list.mjs IN OUT NAME...
import { readFileSync, writeFileSync } from "node:fs";

const [input, output, ...names] = process.argv.slice(2);

function leb128(n) {
  const bytes = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (n !== 0);
  return bytes;
}

const name = Buffer.from("secure-exec.commands");
const payload = Buffer.from(names.join("\n"));
const body = Buffer.concat([Buffer.from(leb128(name.length)), name, payload]);
const section = Buffer.concat([Buffer.from([0]), Buffer.from(leb128(body.length)), body]);
writeFileSync(output, Buffer.concat([readFileSync(input), section]));
