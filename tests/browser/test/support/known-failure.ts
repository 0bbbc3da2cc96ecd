/**
 * Known failures: behaviour the packages should have in a browser and do
 * not have yet. Each is a test whose body asserts the correct outcome. It
 * passes while that body fails with the recorded symptom; it fails when the
 * body starts to pass (promote it to a plain `it` and drop it from the
 * README's list) and when the body fails in any other way (something else
 * broke). README.md names each one's cause and fix.
 */
import { it } from "vitest";

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const actual = (error as { actual?: unknown }).actual;
  return actual === undefined ? error.message : `${error.message}\n${JSON.stringify(actual)}`;
}

/** A test of correct behaviour that is known to fail, for now, with `symptom`. */
export function knownFailure(name: string, symptom: RegExp, body: () => Promise<void>): void {
  it(`${name} (known failure)`, async () => {
    const error = await body().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (error === undefined) {
      throw new Error(`"${name}" passes now: make it a plain test and remove it from README.md's known failures`);
    }
    if (!symptom.test(describeFailure(error))) throw error;
  });
}
