import { assert, assertEquals, assertMatch, assertRejects } from "../assert.ts";
import { RequestTimeoutError } from "../../src/errors.ts";
import {
  createBodyDeadline,
  SMALL_BODY_BYTES,
} from "../../src/http/body_timeout.ts";

const TIMEOUT_MS = 200;

/** A POST whose body sends `chunks` `gapMs` apart, then stalls unless `end`. */
function post(
  chunks: Uint8Array[],
  { gapMs = 0, end = true, length }: {
    gapMs?: number;
    end?: boolean;
    length?: number;
  } = {},
): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent === chunks.length) {
        if (end) controller.close();
        // Otherwise the stream never ends: a client that stopped sending.
        else await new Promise(() => {});
        return;
      }
      if (sent > 0) await new Promise((r) => setTimeout(r, gapMs));
      controller.enqueue(chunks[sent++]);
    },
  }, { highWaterMark: 0 });
  const headers: Record<string, string> = {
    "content-type": "application/json",
  };
  // As on the wire: a body is framed by its length or by chunks.
  if (length === undefined) headers["transfer-encoding"] = "chunked";
  else headers["content-length"] = String(length);
  return new Request("http://gateway/x", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
}

const bytes = (size: number) => new Uint8Array(size).fill(0x20);
const readAll = (req: Request) => req.arrayBuffer();

Deno.test("createBodyDeadline(): a small body that stops short is a 408 within the timeout", async () => {
  let timeouts = 0;
  const deadline = createBodyDeadline({
    timeoutMs: TIMEOUT_MS,
    onTimeout: () => timeouts++,
  });
  const started = performance.now();
  const error = await assertRejects(
    deadline(post([bytes(10)], { end: false, length: 100 }), readAll),
    RequestTimeoutError,
  );
  assertMatch(error.message, /did not arrive within 0\.2 s \(--body-timeout\)/);
  assertEquals(error.status, 408);
  assertEquals(error.type, "timeout");
  assertEquals(error.headers, { connection: "close" });
  assert(performance.now() - started < 2_000);
  assertEquals(timeouts, 1);
});

Deno.test("createBodyDeadline(): a result that arrives after the deadline goes to discard", async () => {
  const discarded: string[] = [];
  const deadline = createBodyDeadline({ timeoutMs: TIMEOUT_MS });
  let finish!: (value: string) => void;
  const late = new Promise<string>((resolve) => finish = resolve);
  await assertRejects(
    deadline(
      post([bytes(1)], { length: 1 }),
      () => late,
      (value) => discarded.push(value),
    ),
    RequestTimeoutError,
  );
  finish("spooled files");
  await late;
  await new Promise((r) => setTimeout(r, 0));
  assertEquals(discarded, ["spooled files"]);
});

Deno.test("createBodyDeadline(): a big body may take longer than the timeout as long as it keeps coming", async () => {
  let timeouts = 0;
  const deadline = createBodyDeadline({
    timeoutMs: TIMEOUT_MS,
    onTimeout: () => timeouts++,
  });
  const chunk = SMALL_BODY_BYTES / 2;
  // Ten chunks 60 ms apart: 540 ms in all, never a 200 ms pause.
  const body = await deadline(
    post(Array.from({ length: 10 }, () => bytes(chunk)), {
      gapMs: 60,
      length: 10 * chunk,
    }),
    readAll,
  );
  assertEquals(body.byteLength, 10 * chunk);
  assertEquals(timeouts, 0);
});

Deno.test("createBodyDeadline(): a big or unsized body that pauses too long is a 408, whatever the reader made of it", async () => {
  const deadline = createBodyDeadline({ timeoutMs: TIMEOUT_MS });
  for (const length of [SMALL_BODY_BYTES + 1, undefined]) {
    const error = await assertRejects(
      deadline(
        post([bytes(1000)], { end: false, length }),
        // A reader that wraps stream errors in its own, as the multipart reader does.
        (req) =>
          req.arrayBuffer().catch((error) => {
            throw new Error(`wrapped: ${error}`);
          }),
      ),
      RequestTimeoutError,
    );
    assertMatch(error.message, /nothing arrived for 0\.2 s/);
  }
});

Deno.test("createBodyDeadline(): requests without a body, and reader errors, pass through untouched", async () => {
  const deadline = createBodyDeadline({ timeoutMs: TIMEOUT_MS });
  const get = new Request("http://gateway/x?1");
  assertEquals(await deadline(get, (req) => Promise.resolve(req)), get);
  const empty = new Request("http://gateway/x", {
    method: "POST",
    headers: { "content-length": "0" },
  });
  assertEquals(await deadline(empty, (req) => Promise.resolve(req)), empty);
  const error = await assertRejects(
    deadline(
      post([bytes(3)], { length: 3 }),
      () => Promise.reject(new TypeError("bad JSON")),
    ),
    TypeError,
  );
  assertEquals(error.message, "bad JSON");
});
