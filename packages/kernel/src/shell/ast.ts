/**
 * The shell's syntax tree: what the parser produces and the interpreter
 * walks. A script is a list of and-or lists; words keep their quoting as a
 * tree of parts so that expansion can tell quoted text from unquoted text.
 * Every node is a plain object with a `type` tag; nothing here has behaviour.
 */

/** A sequence of and-or lists, run one after another (or in the background). */
export interface CommandList {
  type: "list";
  items: AndOr[];
}

/** `a && b || c`, optionally run in the background with `&`. */
export interface AndOr {
  type: "andor";
  first: Pipeline;
  rest: AndOrLink[];
  background: boolean;
  line: number;
  /** Offset of its first token in the text as written (before any alias expansion). */
  start: number;
}

/** One `&&` or `||` step of an and-or list. */
export interface AndOrLink {
  op: "&&" | "||";
  pipeline: Pipeline;
}

/** `[time] [!] cmd1 | cmd2 | ...`. */
export interface Pipeline {
  type: "pipeline";
  bang: boolean;
  /** Preceded by the `time` keyword: report the elapsed time on stderr. */
  timed: boolean;
  commands: Command[];
  line: number;
}

/** Anything that can be a pipeline stage. */
export type Command =
  | SimpleCommand
  | Subshell
  | Group
  | IfCommand
  | LoopCommand
  | ForCommand
  | ArithForCommand
  | CaseCommand
  | FunctionDef
  | CondCommand
  | ArithCommand;

/** Commands that carry their own redirections after the closing keyword. */
export type CompoundCommand = Exclude<Command, SimpleCommand | FunctionDef>;

/** Assignments, words and redirections: `A=1 cmd arg >file`. */
export interface SimpleCommand {
  type: "simple";
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
}

/** `NAME=value` (or bash's `NAME+=value`, `NAME[i]=value`, `NAME=(a b)`) before a command, or alone. */
export interface Assignment {
  name: string;
  value: Word;
  append: boolean;
  /** `NAME[index]=value`: the subscript. */
  index?: Word;
  /** `NAME=(elements)`: each element, with its explicit `[index]=` if written. */
  array?: ArrayElement[];
}

/** One element of an array literal. */
export interface ArrayElement {
  index: Word | null;
  value: Word;
}

/** `( list )`: runs in a child process. */
export interface Subshell {
  type: "subshell";
  body: CommandList;
  redirects: Redirect[];
  line: number;
}

/** `{ list; }`: runs in the current shell. */
export interface Group {
  type: "group";
  body: CommandList;
  redirects: Redirect[];
  line: number;
}

/** `if c; then b; elif c2; then b2; else e; fi`. */
export interface IfCommand {
  type: "if";
  clauses: { cond: CommandList; body: CommandList }[];
  elseBody: CommandList | null;
  redirects: Redirect[];
  line: number;
}

/** `while c; do b; done` and `until c; do b; done`. */
export interface LoopCommand {
  type: "while" | "until";
  cond: CommandList;
  body: CommandList;
  redirects: Redirect[];
  line: number;
}

/** `for name [in words]; do body; done`, or bash's `select` with the same parts; `items` null means "$@". */
export interface ForCommand {
  type: "for";
  name: string;
  items: Word[] | null;
  body: CommandList;
  redirects: Redirect[];
  line: number;
  /** bash's `select`: a menu of the items, read from stdin. */
  select?: boolean;
}

/** bash's `for (( init; cond; step )); do body; done`; an empty cond is true. */
export interface ArithForCommand {
  type: "arith-for";
  init: Word;
  cond: Word;
  step: Word;
  body: CommandList;
  redirects: Redirect[];
  line: number;
}

/** `case word in pat|pat) body ;; esac`. */
export interface CaseCommand {
  type: "case";
  word: Word;
  items: CaseItem[];
  redirects: Redirect[];
  line: number;
}

/** One arm of a case command; `;&` falls through, `;;&` tests the next arm. */
export interface CaseItem {
  patterns: Word[];
  body: CommandList;
  terminator: ";;" | ";&" | ";;&";
}

/** `name() compound-command`. */
export interface FunctionDef {
  type: "function";
  name: string;
  body: Command;
  line: number;
  /** Written with bash's `function` keyword (kept for printing). */
  keyword?: boolean;
}

/** bash's `[[ expr ]]`. */
export interface CondCommand {
  type: "cond";
  expr: CondExpr;
  redirects: Redirect[];
  line: number;
}

/** bash's `(( expr ))`: status 0 when the value is non-zero. */
export interface ArithCommand {
  type: "arith-cmd";
  expr: Word;
  redirects: Redirect[];
  line: number;
}

/** An expression inside `[[ ]]`. */
export type CondExpr =
  | { type: "and" | "or"; left: CondExpr; right: CondExpr }
  | { type: "not"; expr: CondExpr }
  | { type: "unary"; op: string; arg: Word }
  | { type: "binary"; op: string; left: Word; right: Word }
  | { type: "word"; word: Word };

/** Redirection operators, as written. */
export type RedirectOp =
  | "<" | ">" | ">>" | ">|" | "<>" | "<&" | ">&" | "&>" | "&>>" | "<<" | "<<-" | "<<<";

/** `[n]op target`; here-documents carry their body. */
export interface Redirect {
  fd: number | null;
  op: RedirectOp;
  target: Word;
  heredoc?: HereDoc;
}

/** A here-document body: expanded like a double-quoted word unless the delimiter was quoted. */
export interface HereDoc {
  quoted: boolean;
  body: Word;
}

/** A word as written: a sequence of parts. */
export interface Word {
  parts: WordPart[];
  /** `name=(...)` as an argument of a declaration builtin (`local a=(1 2)`): the array assignment it stands for. */
  arrayAssign?: Assignment;
}

/** The pieces of a word. */
export type WordPart =
  | LiteralPart
  | SingleQuotedPart
  | EscapedPart
  | DoubleQuotedPart
  | ParamPart
  | CommandSubPart
  | ArithPart
  | ProcSubPart
  | TildePart;

/** Unquoted text (subject to globbing, never to field splitting). */
export interface LiteralPart {
  type: "lit";
  text: string;
}

/** `'text'`. */
export interface SingleQuotedPart {
  type: "sq";
  text: string;
}

/** `\c` outside single quotes: a quoted character. */
export interface EscapedPart {
  type: "esc";
  text: string;
}

/** `"..."`: its literal parts are quoted text. */
export interface DoubleQuotedPart {
  type: "dq";
  parts: WordPart[];
}

/** Parameter expansion operators. */
export type ParamOp =
  | "-" | "=" | "?" | "+"
  | "%" | "%%" | "#" | "##"
  | "/" | "//" | "/#" | "/%"
  | "^" | "^^" | "," | ",," | "~" | "~~"
  | "substr"
  | "@";

/** `$name`, `${name}`, `${#name}`, `${name op arg}`. */
export interface ParamPart {
  type: "param";
  name: string;
  /** `${#name}`. */
  length: boolean;
  op: ParamOp | null;
  /** `:-` rather than `-` (also for the other test operators). */
  colon: boolean;
  arg: Word | null;
  /** For `/` ops: the replacement; for `substr`: the length. */
  arg2: Word | null;
  /** bash's `${!name}`: the parameter named by name's value (with `index` @ or *: the array's indices). */
  indirect?: boolean;
  /** bash's `${name[index]}`: an arithmetic subscript, or every element with "@" / "*". */
  index?: Word | "@" | "*";
  /** bash's `${!prefix*}` / `${!prefix@}`: the names of the variables starting with `name`. */
  names?: "*" | "@";
}

/** `$(list)` or `` `list` ``. */
export interface CommandSubPart {
  type: "cmdsub";
  body: CommandList;
  /** Written with backquotes (kept for printing). */
  backquote?: boolean;
}

/** bash's `<(list)` (`output` false) or `>(list)`: expands to a /dev/fd path of a pipe to or from the list. */
export interface ProcSubPart {
  type: "procsub";
  output: boolean;
  body: CommandList;
}

/** `$(( expr ))`: the expression text is expanded, then evaluated. */
export interface ArithPart {
  type: "arith";
  expr: Word;
}

/** `~` or `~user` at the start of a word or assignment value. */
export interface TildePart {
  type: "tilde";
  user: string;
}
