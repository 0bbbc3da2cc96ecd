// pnpm bench: runs every suite in bench/suites (or those named on the command
// line) and prints one table: each entry's measurement, its budget, the
// native comparison measured in the same run where one fits, and the ratio.
// Timings are medians over repeated runs; nothing here is asserted in tests.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(join(here, "suites"))
  .filter((f) => f.endsWith(".mjs"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const rows = [];
for (const file of files) {
  const suite = await import(pathToFileURL(join(here, "suites", file)).href);
  process.stderr.write(`bench: ${file}\n`);
  try {
    for (const row of await suite.run()) rows.push({ suite: file.replace(/\.mjs$/, ""), ...row });
  } catch (err) {
    rows.push({ suite: file.replace(/\.mjs$/, ""), name: "(suite failed)", value: NaN, unit: "", note: String(err?.stack ?? err) });
  }
}

const fmt = (v, unit) => {
  if (v === undefined || v === null) return "";
  if (Number.isNaN(v)) return "failed";
  if (unit === "us") return v < 10 ? `${v.toFixed(2)} µs` : `${v.toFixed(1)} µs`;
  if (unit === "ms") return `${v.toFixed(v < 10 ? 2 : 1)} ms`;
  if (unit === "MB/s") return `${v.toFixed(0)} MB/s`;
  if (unit === "MiB") return `${v.toFixed(1)} MiB`;
  return `${v} ${unit}`;
};

const verdict = (row) => {
  if (Number.isNaN(row.value)) return "";
  if (row.verdict) return row.verdict;
  if (!row.budget) return "";
  const { max, min } = row.budget;
  if (max !== undefined) return row.value <= max ? "ok" : "OVER";
  if (min !== undefined) return row.value >= min ? "ok" : "UNDER";
  return "";
};

const budgetText = (row) => {
  if (!row.budget) return "";
  if (row.budget.max !== undefined) return `≤ ${fmt(row.budget.max, row.unit)}`;
  if (row.budget.min !== undefined) return `≥ ${fmt(row.budget.min, row.unit)}`;
  return row.budget.text ?? "";
};

const table = [["suite", "benchmark", "measured", "budget", "", "native", "ratio"]];
for (const row of rows) {
  const ratio = row.native ? `${(row.value / row.native).toFixed(2)}× native` : "";
  table.push([row.suite, row.name, fmt(row.value, row.unit), budgetText(row), verdict(row), row.native ? fmt(row.native, row.unit) : "", row.ratioText ?? ratio]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
const line = (r) => "| " + r.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
console.log(line(table[0]));
console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
for (const r of table.slice(1)) console.log(line(r));
for (const row of rows) if (row.note) console.log(`\n${row.suite} / ${row.name}: ${row.note}`);
