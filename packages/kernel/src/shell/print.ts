/**
 * Prints syntax trees back as shell text, laid out as bash lays out a
 * function for `type` and `declare -f` (four-space indents, `;` after
 * the commands of a block, `elif` as a nested `if`). Words are rebuilt
 * from their parts, so the text reads back as the same commands, though
 * it may be spelled differently from the script (`$(...)` for backquotes,
 * `${x}` only where a name character follows).
 */
import type { AndOr, Assignment, Command, CommandList, CondExpr, FunctionDef, ParamPart, Pipeline, Redirect, Word, WordPart } from "./ast.js";
import { ansiCQuote } from "./quote.js";

const STEP = "    ";

/** A function definition as `declare -f` prints it. */
export function printFunction(fn: FunctionDef, indent = ""): string {
  const body = fn.body;
  const inner = indent + STEP;
  let text: string;
  if (body.type === "group") text = `{ \n${inner}${printList(body.body, inner, false)}\n${indent}}`;
  else text = `{ \n${inner}${printCommand(body, inner)}\n${indent}}`;
  const redirects = body.type === "group" ? printRedirects(body.redirects) : "";
  return `${fn.keyword === true && indent !== "" ? "function " : ""}${fn.name} () \n${indent}${text}${redirects}`;
}

/** Here-documents met while printing a line, written out after it (printing is synchronous, so one list will do). */
let pendingHeredocs: Redirect[] = [];
/** Printing a job's lists on one line (`printOneLine`) rather than in the function layout. */
let flat = false;

/** An and-or list as `jobs` shows a background job: its lists on one line (`{ a; b; } | c`). */
export function printOneLine(item: AndOr): string {
  flat = true;
  try {
    return printAndOr(item, "");
  } finally {
    flat = false;
    pendingHeredocs = [];
  }
}


/**
 * A list, one command per line after the first (which the caller has
 * indented); `terminate` ends the last command with `;` too, as bash does
 * inside if, while and for bodies.
 */
function printList(list: CommandList, indent: string, terminate: boolean): string {
  let out = "";
  list.items.forEach((item, i) => {
    const last = i === list.items.length - 1;
    out += printAndOr(item, indent);
    const heredocs = takeHeredocs();
    if (item.background) {
      out += last ? " &" : " & ";
      if (heredocs !== "") out += "\n" + heredocs;
      return;
    }
    if (heredocs !== "") {
      out += "\n" + heredocs + (last ? "" : "\n" + indent);
      return;
    }
    if (!last) out += flat ? "; " : ";\n" + indent;
    else if (terminate) out += ";";
  });
  return out;
}

function takeHeredocs(): string {
  let out = "";
  for (const r of pendingHeredocs) {
    const delimiter = r.target.parts.map((p) => ("text" in p ? p.text : "")).join("");
    const body = r.heredoc!.quoted ? r.heredoc!.body.parts.map((p) => ("text" in p ? p.text : "")).join("") : printParts(r.heredoc!.body.parts);
    out += `${body}${delimiter}\n`;
  }
  pendingHeredocs = [];
  return out;
}

function printAndOr(item: AndOr, indent: string): string {
  let out = printPipeline(item.first, indent);
  for (const link of item.rest) out += ` ${link.op} ${printPipeline(link.pipeline, indent)}`;
  return out;
}

function printPipeline(p: Pipeline, indent: string): string {
  const head = (p.timed ? "time " : "") + (p.bang ? "! " : "");
  return head + p.commands.map((c) => printCommand(c, indent)).join(" | ");
}

/** One command as text (bash's `$BASH_COMMAND`, and the layout inside functions). */
export function printCommand(cmd: Command, indent = ""): string {
  if (flat && cmd.type !== "simple" && cmd.type !== "group" && cmd.type !== "subshell") {
    // As in bash, only a job's own lists are on one line; a loop or if inside keeps the function layout.
    flat = false;
    try {
      return printCommand(cmd, indent);
    } finally {
      flat = true;
    }
  }
  const inner = indent + STEP;
  switch (cmd.type) {
    case "simple": {
      const words = [...cmd.assigns.map(printAssignment), ...cmd.words.map((w) => (w.arrayAssign !== undefined ? printAssignment(w.arrayAssign) : printWord(w)))];
      const redirects = printRedirects(cmd.redirects);
      return words.join(" ") + (words.length === 0 ? redirects.trimStart() : redirects);
    }
    case "function":
      return printFunction(cmd, indent);
    case "group":
      if (flat) return `{ ${printList(cmd.body, "", true)} }${printRedirects(cmd.redirects)}`;
      return `{ \n${inner}${printList(cmd.body, inner, false)}\n${indent}}${printRedirects(cmd.redirects)}`;
    case "subshell":
      return `( ${printList(cmd.body, indent, false)} )${printRedirects(cmd.redirects)}`;
    case "if": {
      const [first, ...rest] = cmd.clauses;
      let out = `if ${printList(first!.cond, indent, false)}; then\n${inner}${printList(first!.body, inner, true)}\n${indent}`;
      if (rest.length > 0) {
        const nested: Command = { type: "if", clauses: rest, elseBody: cmd.elseBody, redirects: [], line: cmd.line };
        out += `else\n${inner}${printCommand(nested, inner)};\n${indent}`;
      } else if (cmd.elseBody !== null) {
        out += `else\n${inner}${printList(cmd.elseBody, inner, true)}\n${indent}`;
      }
      return out + "fi" + printRedirects(cmd.redirects);
    }
    case "while":
    case "until":
      return `${cmd.type} ${printList(cmd.cond, indent, false)}; do\n${inner}${printList(cmd.body, inner, true)}\n${indent}done${printRedirects(cmd.redirects)}`;
    case "for": {
      const items = cmd.items === null ? '"$@"' : cmd.items.map(printWord).join(" ");
      return `${cmd.select === true ? "select" : "for"} ${cmd.name} in ${items};\n${indent}do\n${inner}${printList(cmd.body, inner, true)}\n${indent}done${printRedirects(cmd.redirects)}`;
    }
    case "arith-for": {
      const clauses = [cmd.init, cmd.cond, cmd.step].map((w) => printParts(w.parts).trim() || "1").join("; ");
      return `for ((${clauses}))\n${indent}do\n${inner}${printList(cmd.body, inner, true)}\n${indent}done${printRedirects(cmd.redirects)}`;
    }
    case "case": {
      let out = `case ${printWord(cmd.word)} in \n`;
      for (const item of cmd.items) {
        const body = printList(item.body, inner + STEP, false);
        out += `${inner}${item.patterns.map(printWord).join(" | ")})\n${body === "" ? "" : inner + STEP + body}\n${inner}${item.terminator}\n`;
      }
      return `${out}${indent}esac${printRedirects(cmd.redirects)}`;
    }
    case "cond":
      return `[[ ${printCond(cmd.expr)} ]]${printRedirects(cmd.redirects)}`;
    case "arith-cmd":
      return `(( ${printParts(cmd.expr.parts).trim()} ))${printRedirects(cmd.redirects)}`;
  }
}

function printCond(e: CondExpr, parent?: CondExpr["type"]): string {
  switch (e.type) {
    case "and":
    case "or": {
      const text = `${printCond(e.left, e.type)} ${e.type === "and" ? "&&" : "||"} ${printCond(e.right, e.type)}`;
      return parent !== undefined && parent !== e.type ? `( ${text} )` : text;
    }
    case "not": return `! ${printCond(e.expr, "not")}`;
    case "unary": return `${e.op} ${printWord(e.arg)}`;
    case "binary": return `${printWord(e.left)} ${e.op} ${printWord(e.right)}`;
    case "word": return printWord(e.word);
  }
}

function printAssignment(a: Assignment): string {
  const head = `${a.name}${a.index !== undefined ? `[${printWord(a.index)}]` : ""}${a.append ? "+" : ""}=`;
  if (a.array === undefined) return head + printWord(a.value);
  const elements = a.array.map((e) => (e.index !== null ? `[${printWord(e.index)}]=` : "") + printWord(e.value));
  return `${head}(${elements.join(" ")})`;
}

function printRedirects(redirects: Redirect[]): string {
  let out = "";
  for (const r of redirects) {
    const fd = r.fd === null ? "" : String(r.fd);
    if (r.op === "<<" || r.op === "<<-") {
      pendingHeredocs.push(r);
      out += ` ${fd}${r.op}${printWord(r.target)}`;
    } else if (r.op === ">&" || r.op === "<&") {
      out += ` ${fd}${r.op}${printWord(r.target)}`;
    } else {
      out += ` ${fd}${r.op} ${printWord(r.target)}`;
    }
  }
  return out;
}

/** A word as shell text. */
export function printWord(word: Word): string {
  return printParts(word.parts);
}

/** Word parts as shell text (escaped characters keep their backslash in every context). */
function printParts(parts: WordPart[]): string {
  let out = "";
  parts.forEach((part, i) => {
    switch (part.type) {
      case "lit":
        out += part.text;
        break;
      case "sq":
        out += part.text.includes("'") ? ansiCQuote(part.text) : `'${part.text}'`;
        break;
      case "esc":
        for (const ch of part.text) out += "\\" + ch;
        break;
      case "dq":
        out += `"${printParts(part.parts)}"`;
        break;
      case "tilde":
        out += "~" + part.user;
        break;
      case "param":
        out += printParam(part, parts[i + 1]);
        break;
      case "cmdsub":
        out += part.backquote === true ? `\`${printList(part.body, "", false)}\`` : `$(${printList(part.body, "", false)})`;
        break;
      case "arith":
        out += `$((${printParts(part.expr.parts)}))`;
        break;
      case "procsub":
        out += `${part.output ? ">" : "<"}(${printList(part.body, "", false)})`;
        break;
    }
  });
  return out;
}

const SPECIAL = /^([@*#?$!-]|[0-9])$/;

function printParam(p: ParamPart, next: WordPart | undefined): string {
  const plain = p.op === null && !p.length && p.indirect !== true && p.index === undefined && p.names === undefined;
  if (plain) {
    const nameFollows = next?.type === "lit" && /^[A-Za-z0-9_]/.test(next.text);
    if (SPECIAL.test(p.name) || (!nameFollows && /^[A-Za-z_]/.test(p.name))) return "$" + p.name;
    return "${" + p.name + "}";
  }
  if (p.names !== undefined) return `\${!${p.name}${p.names}}`;
  let out = "${" + (p.length ? "#" : "") + (p.indirect === true ? "!" : "") + p.name;
  if (p.index !== undefined) out += `[${typeof p.index === "string" ? p.index : printParts(p.index.parts)}]`;
  const arg = p.arg === null ? "" : printParts(p.arg.parts);
  switch (p.op) {
    case null: break;
    case "-": case "=": case "?": case "+":
      out += (p.colon ? ":" : "") + p.op + arg;
      break;
    case "substr":
      out += ":" + arg + (p.arg2 === null ? "" : ":" + printParts(p.arg2.parts));
      break;
    case "/": case "//": case "/#": case "/%":
      out += p.op + arg + (p.arg2 === null ? "" : "/" + printParts(p.arg2.parts));
      break;
    default:
      out += p.op + arg;
  }
  return out + "}";
}
