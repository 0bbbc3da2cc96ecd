/**
 * Opens the built page in a new tab with a chosen composition, waits until
 * its kernel is composed, and records what the page reports on the side:
 * uncaught errors and console errors.
 */
import type { BrowserContext, Page } from "playwright-core";
import type { Composition, ExecOutcome, PageExecOptions } from "../../page/api.js";

/** A tab showing the page, with helpers that call its API. */
export interface OpenPage {
  page: Page;
  /** Uncaught exceptions in the page, as messages. */
  pageErrors: string[];
  /** Console messages of type "error". */
  consoleErrors: string[];
  /** `kernel.exec` in the page. */
  exec(line: string, options?: PageExecOptions): Promise<ExecOutcome>;
  /** A file's text from the page's in-memory file system. */
  readFile(path: string): Promise<string>;
  /** `kernel.dispose()` in the page; resolves with the names of the workers still live when it resolved. */
  dispose(): Promise<string[]>;
  /** Names of the workers the page started and has not terminated. */
  liveWorkers(): Promise<string[]>;
  /** URLs of the page's live dedicated workers, as the browser reports them. */
  workerUrls(): string[];
}

/** Opens `origin`/index.html?compose=`composition` and waits for the kernel. */
export async function openPage(context: BrowserContext, origin: string, composition: Composition): Promise<OpenPage> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto(`${origin}/index.html?compose=${composition}`);
  try {
    await page.waitForFunction(() => window.secureExec !== undefined && window.secureExec.state !== "booting", null, {
      timeout: 20_000,
    });
  } catch (error) {
    const status = await page.textContent("#status").catch(() => null);
    const seen = JSON.stringify({ status, pageErrors, consoleErrors });
    throw new Error(`the page did not finish booting (${composition}): ${(error as Error).message}; ${seen}`);
  }
  const bootError = await page.evaluate(() => window.secureExec!.bootError);
  if (bootError) throw new Error(`the page could not compose its kernel (${composition}): ${bootError}`);
  return {
    page,
    pageErrors,
    consoleErrors,
    exec: (line, options) => page.evaluate(([l, o]) => window.secureExec!.exec(l, o), [line, options] as const),
    readFile: (path) => page.evaluate((p) => window.secureExec!.readFile(p), path),
    dispose: () => page.evaluate(() => window.secureExec!.dispose()),
    liveWorkers: () => page.evaluate(() => window.secureExec!.liveWorkers()),
    workerUrls: () => page.workers().map((worker) => worker.url()),
  };
}
