/** Assertions shared by the tests (node:assert under std-like names). */
import nodeAssert from "node:assert/strict";

export const assertEquals: (actual: unknown, expected: unknown) => void =
  nodeAssert.deepStrictEqual;

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

/** Asserts that `actual` matches `pattern`. */
export function assertMatch(actual: string, pattern: RegExp): void {
  nodeAssert.match(actual, pattern);
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
