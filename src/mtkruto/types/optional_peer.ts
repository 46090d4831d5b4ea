/** Peer lookups for the places where MTKruto tolerates a peer it does not know. */
import { RenderError } from "./render_error.ts";

/** The result of a peer lookup, or undefined when the peer did not come with the update (other errors pass). */
export function unlessMissing<T>(lookUp: () => T): T | undefined {
  try {
    return lookUp();
  } catch (error) {
    if (error instanceof RenderError) return undefined;
    throw error;
  }
}
