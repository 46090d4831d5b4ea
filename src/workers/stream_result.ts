/** A call's result that is a byte stream (a download), as the front receives it from a worker. */
import type { FileMeta } from "./protocol.ts";

/** Bytes pulled chunk by chunk from a worker, with their metadata. */
export class StreamResult {
  constructor(
    readonly meta: FileMeta,
    readonly body: ReadableStream<Uint8Array>,
  ) {}
}
