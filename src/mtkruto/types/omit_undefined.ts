/** MTKruto never writes a key without a value; renderers build objects with optional keys through this. */

/**
 * `object` without its undefined-valued keys (in place; key order kept), so a
 * renderer can list every field in MTKruto's order and let absent ones drop.
 */
export function omitUndefined<T extends object>(object: T): T {
  for (const key of Object.keys(object) as (keyof T)[]) {
    if (object[key] === undefined) delete object[key];
  }
  return object;
}
