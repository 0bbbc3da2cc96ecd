/**
 * The host terminal while the interactive shell runs in it: node:readline
 * edits the line being typed (with history), and the sandbox's output is
 * written around that line. Whatever the sandbox printed after its last
 * newline (the shell's prompt, `read -p`'s, a progress message) is shown
 * as readline's prompt rather than written as output, so that readline,
 * which redraws its prompt and line from the start of the row (editing,
 * history, Ctrl-C), never erases it; and a line typed ahead while a
 * command runs stays below the command's output. Streams that are not the
 * terminal (stdout redirected to a file) get the output as it comes.
 */
import { clearScreenDown, cursorTo, moveCursor, type Interface } from "node:readline";

/** readline's record of how many rows above the cursor its last drawing began (not in its typings). */
interface DrawnRows {
  prevRows?: number;
}

/** The terminal's screen: sandbox output around readline's line. */
export class TerminalScreen {
  /** What the sandbox printed after its last newline, shown as readline's prompt. */
  private partial = "";
  private closed = false;
  private readonly decoders = new Map<NodeJS.WriteStream, TextDecoder>();

  constructor(
    private readonly rl: Interface,
    /** The stream readline draws on (the terminal). */
    private readonly display: NodeJS.WriteStream,
  ) {
    rl.setPrompt("");
  }

  /** Writes sandbox output meant for `stream`. */
  write(stream: NodeJS.WriteStream, data: Uint8Array): void {
    if (stream !== this.display && !stream.isTTY) {
      stream.write(data);
      return;
    }
    let decoder = this.decoders.get(stream);
    if (decoder === undefined) this.decoders.set(stream, (decoder = new TextDecoder()));
    const text = decoder.decode(data, { stream: true });
    if (this.closed) {
      stream.write(text);
      return;
    }
    this.erase();
    const all = this.partial + text;
    const nl = all.lastIndexOf("\n");
    if (nl >= 0) stream.write(all.slice(0, nl + 1));
    this.partial = all.slice(nl + 1);
    this.draw();
  }

  /** A line was entered: readline has moved below it, so what was shown as its prompt is now plain output. */
  lineEntered(): void {
    this.partial = "";
    this.rl.setPrompt("");
  }

  /** Ctrl-C: the line typed so far is dropped, shown with `^C` after it as a terminal echoes it. */
  interrupted(): void {
    const typed = this.rl.line;
    this.rl.write(null, { ctrl: true, name: "e" });
    this.rl.write(null, { ctrl: true, name: "u" });
    this.partial += `${typed}^C`;
    this.rl.setPrompt(this.partial);
    this.rl.prompt(true);
  }

  /** readline has closed (Ctrl-D, end of input): what it showed stays, and output is written after it as it comes. */
  close(): void {
    this.closed = true;
    this.partial = "";
  }

  /** Clears what readline shows (its prompt and the line typed so far), if anything. */
  private erase(): void {
    if (this.partial === "" && this.rl.line === "") return;
    moveCursor(this.display, 0, -this.rl.getCursorPos().rows);
    cursorTo(this.display, 0);
    clearScreenDown(this.display);
  }

  /** Shows the partial output as readline's prompt, with the line typed so far after it. */
  private draw(): void {
    if (this.partial === "" && this.rl.line === "") return;
    this.rl.setPrompt(this.partial);
    (this.rl as Interface & DrawnRows).prevRows = 0;
    this.rl.prompt(true);
  }
}
