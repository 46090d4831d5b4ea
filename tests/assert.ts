/**
 * The assertions every test under tests/ uses (node:assert under std-like
 * names): import them from here, never from node:assert directly.
 */
import nodeAssert from "node:assert/strict";

/** Asserts that `actual` and `expected` are deeply and strictly equal (node's `deepStrictEqual`). */
export const assertEquals: (
  actual: unknown,
  expected: unknown,
  message?: string,
) => void = nodeAssert.deepStrictEqual;

/** Asserts that `actual` and `expected` are the same value (`Object.is`, node's `strictEqual`). */
export function assertStrictEquals<T>(
  actual: unknown,
  expected: T,
  message?: string,
): asserts actual is T {
  nodeAssert.strictEqual(actual, expected, message);
}

/** Asserts that `run` throws an instance of `errorClass`, and returns it. */
export function assertThrows<E extends Error>(
  run: () => unknown,
  // deno-lint-ignore no-explicit-any
  errorClass: new (...args: any[]) => E,
): E {
  try {
    run();
  } catch (error) {
    nodeAssert.ok(
      error instanceof errorClass,
      `expected ${errorClass.name}, got ${error}`,
    );
    return error;
  }
  throw new nodeAssert.AssertionError({
    message: `expected ${errorClass.name} to be thrown`,
  });
}

/**
 * Asserts that `run` throws something whose string form (`Name: message`
 * for an Error) matches `pattern`, as node's `assert.throws(run, pattern)`
 * does; returns what it threw.
 */
export function assertThrowsMatching(
  run: () => unknown,
  pattern: RegExp,
): unknown {
  try {
    run();
  } catch (error) {
    nodeAssert.match(String(error), pattern);
    return error;
  }
  throw new nodeAssert.AssertionError({
    message: `expected an error matching ${pattern} to be thrown`,
  });
}

/** Asserts that `promise` rejects with an instance of `errorClass`, and returns the error. */
export async function assertRejects<E extends Error>(
  promise: Promise<unknown>,
  // deno-lint-ignore no-explicit-any
  errorClass: new (...args: any[]) => E,
): Promise<E> {
  try {
    await promise;
  } catch (error) {
    nodeAssert.ok(
      error instanceof errorClass,
      `expected ${errorClass.name}, got ${error}`,
    );
    return error;
  }
  throw new nodeAssert.AssertionError({
    message: `expected ${errorClass.name} to be rejected`,
  });
}

/**
 * Awaits `promise` and returns what it rejected with; throws if it resolved,
 * or if `matches` (when given) does not return true for the error. Like the
 * validator of node's `assert.rejects`, `matches` may itself assert.
 */
export async function rejection(
  promise: Promise<unknown>,
  matches?: (error: unknown) => boolean,
): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    if (matches && matches(error) !== true) {
      throw new nodeAssert.AssertionError({
        message: `the rejection did not match: ${error}`,
      });
    }
    return error;
  }
  throw new nodeAssert.AssertionError({ message: "expected a rejection" });
}

/** Asserts that `actual` matches `pattern`. */
export function assertMatch(
  actual: string,
  pattern: RegExp,
  message?: string,
): void {
  nodeAssert.match(actual, pattern, message);
}

/** Asserts that `condition` holds. */
export function assert(
  condition: unknown,
  message = "assertion failed",
): asserts condition {
  if (!condition) throw new nodeAssert.AssertionError({ message });
}

/** Asserts that `run` throws an instance of `errorClass` whose message contains each of `parts`. */
export function assertThrowsWithMessage<E extends Error>(
  run: () => unknown,
  // deno-lint-ignore no-explicit-any
  errorClass: new (...args: any[]) => E,
  ...parts: string[]
): E {
  const error = assertThrows(run, errorClass);
  for (const part of parts) {
    nodeAssert.ok(
      error.message.includes(part),
      `${JSON.stringify(part)} not in: ${error.message}`,
    );
  }
  return error;
}
