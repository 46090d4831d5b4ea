import { assertEquals, assertRejects } from "../assert.ts";
import type { RpcCallMiddlewareContext } from "@mtcute/core";
import {
  releaseBuffer,
  releaseUploadedParts,
} from "../../src/telegram/buffer_release_patch.ts";

const PART = 512 * 1024;

Deno.test("releaseBuffer frees a large buffer of its own at once, and nothing else", () => {
  const whole = new Uint8Array(PART);
  releaseBuffer(whole);
  assertEquals(whole.buffer.detached, true);
  assertEquals(whole.length, 0);
  // A view of part of a buffer may share it with live data; small buffers may be pooled.
  const backing = new Uint8Array(PART);
  const view = backing.subarray(16);
  releaseBuffer(view);
  assertEquals(backing.buffer.detached, false);
  const small = new Uint8Array(1024);
  releaseBuffer(small);
  assertEquals(small.buffer.detached, false);
  // Twice, or nothing at all, is harmless.
  releaseBuffer(whole);
  releaseBuffer(undefined);
});

function call(request: { _: string; bytes?: Uint8Array }) {
  return { request } as unknown as RpcCallMiddlewareContext;
}

Deno.test("releaseUploadedParts frees an upload part once its call succeeded, after the caller read its length", async () => {
  const part = new Uint8Array(PART);
  const upload = call({ _: "upload.saveBigFilePart", bytes: part });
  const result = await releaseUploadedParts(
    upload,
    () => Promise.resolve(true),
  );
  assertEquals(result, true);
  // mtcute's uploadFile reads part.length right after the call resolves.
  assertEquals(part.length, PART);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assertEquals(part.buffer.detached, true);

  const small = new Uint8Array(PART);
  await releaseUploadedParts(
    call({ _: "upload.saveFilePart", bytes: small }),
    () => Promise.resolve(true),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  assertEquals(small.buffer.detached, true);
});

Deno.test("releaseUploadedParts leaves failed parts and other requests alone", async () => {
  const failed = new Uint8Array(PART);
  await assertRejects(
    releaseUploadedParts(
      call({ _: "upload.saveBigFilePart", bytes: failed }),
      () => Promise.reject(new Error("FILE_PART_INVALID")),
    ),
    Error,
  );
  const other = new Uint8Array(PART);
  await releaseUploadedParts(
    call({ _: "messages.uploadMedia", bytes: other }),
    () => Promise.resolve(true),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  assertEquals(failed.buffer.detached, false);
  assertEquals(other.buffer.detached, false);
});
