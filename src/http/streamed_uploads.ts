/**
 * The front's half of uploads that start while their body arrives: once a
 * file part's spool file passes 10 MiB, the client's worker is asked to
 * upload it, and told how far the file has grown after every batch written
 * (src/telegram/streamed_uploads.ts has the worker's half).
 */
import type { ClientRef } from "../client_id.ts";
import type { ClientCaller } from "../workers/pool.ts";
import type { UploadedFile } from "../workers/protocol.ts";
import {
  STREAM_AFTER_BYTES,
  STREAM_UPLOAD_METHOD,
} from "../workers/streamed_upload_limits.ts";

/** Early uploads of this thread, by spool path: who to tell when the spool goes, and how to stop the upload. */
const running = new Map<
  string,
  { streamer: UploadStreamer; controller: AbortController }
>();

/** Starts and feeds the early uploads of one request's file parts. */
export class UploadStreamer {
  constructor(
    readonly clients: ClientCaller,
    readonly client: ClientRef,
    readonly timeoutMs: number,
  ) {}

  /** `file`'s spool has `written` bytes (all of them when `done`). */
  grew(file: UploadedFile, written: number, done: boolean): void {
    if (!this.clients.spoolGrew) return;
    if (!file.streamed) {
      if (done || written <= STREAM_AFTER_BYTES) return;
      file.streamed = true;
      const controller = new AbortController();
      running.set(file.path, { streamer: this, controller });
      const { path, name, type } = file;
      // Its failure is no error of the request: the call then reads the spool itself.
      this.clients.call(this.client, STREAM_UPLOAD_METHOD, [{
        path,
        name,
        type,
      }], { timeoutMs: this.timeoutMs, signal: controller.signal }).catch(
        () => {},
      );
    }
    this.#report(file.path, written, done ? "done" : "writing");
  }

  #report(
    path: string,
    written: number,
    state: "writing" | "done" | "dropped",
  ): void {
    this.clients.spoolGrew?.(this.client, { path, written, state }).catch(
      () => {},
    );
  }

  /** The spool file at `path` is being deleted: its upload stops if it still runs, and the worker forgets it. */
  static drop(path: string): void {
    const early = running.get(path);
    if (!early) return;
    running.delete(path);
    early.controller.abort();
    early.streamer.#report(path, 0, "dropped");
  }
}
