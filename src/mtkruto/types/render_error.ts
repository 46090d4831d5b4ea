/** The error a renderer throws when Telegram's data cannot be built into MTKruto's shape. */

/**
 * Telegram sent something MTKruto cannot build either (an empty photo where a
 * photo is required, a peer that did not come with the update, …). MTKruto
 * drops the update or result in that case; callers do the same.
 */
export class RenderError extends Error {
  override name = "RenderError";
}
