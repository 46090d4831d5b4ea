import { assertEquals, assertRejects } from "../assert.ts";
import {
  indexOfBytes,
  multipartBoundary,
  MultipartReader,
  partialMatchStart,
} from "../../src/http/multipart.ts";
import { InputError } from "../../src/errors.ts";

const encoder = new TextEncoder();

/** The body `FormData` would send, as a stream cut into chunks of `chunkSize` bytes. */
async function encode(form: FormData, chunkSize: number) {
  const request = new Request("http://x/", { method: "POST", body: form });
  const bytes = await request.bytes();
  const contentType = request.headers.get("content-type")!;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += chunkSize) {
        controller.enqueue(bytes.slice(i, i + chunkSize));
      }
      controller.close();
    },
  });
  return { body, boundary: multipartBoundary(contentType) };
}

async function readAll(body: ReadableStream<Uint8Array>, boundary: string) {
  const reader = new MultipartReader(body, boundary);
  const parts = [];
  for (let part = await reader.next(); part; part = await reader.next()) {
    parts.push({
      name: part.name,
      filename: part.filename,
      bytes: await new Response(part.body).bytes(),
    });
  }
  return parts;
}

Deno.test("MultipartReader reads text and binary parts whatever the chunk size", async () => {
  // Content that contains near-boundaries and CRLFs, the hard case for a streaming parser.
  const binary = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256);
  binary.set(encoder.encode("\r\n--\r\n--xx\r\n"), 1000);
  for (const chunkSize of [1, 7, 64, 4096, 1 << 20]) {
    const form = new FormData();
    form.append("chat", "123");
    form.append(
      "doc",
      new File([binary], "data.bin", { type: "application/octet-stream" }),
    );
    form.append("caption", '{"text": "héllo"}');
    const { body, boundary } = await encode(form, chunkSize);
    const parts = await readAll(body, boundary);
    assertEquals(parts.map((p) => [p.name, p.filename]), [["chat", undefined], [
      "doc",
      "data.bin",
    ], ["caption", undefined]]);
    assertEquals(new TextDecoder().decode(parts[0].bytes), "123");
    assertEquals(parts[1].bytes, binary);
    assertEquals(new TextDecoder().decode(parts[2].bytes), '{"text": "héllo"}');
  }
});

Deno.test("MultipartReader skips a part whose body is cancelled", async () => {
  const form = new FormData();
  form.append("skip", new File([new Uint8Array(10_000)], "a.bin"));
  form.append("keep", "1");
  const { body, boundary } = await encode(form, 333);
  const reader = new MultipartReader(body, boundary);
  const first = await reader.next();
  await first!.body.cancel();
  const second = await reader.next();
  assertEquals(second!.name, "keep");
  assertEquals(await new Response(second!.body).text(), "1");
  assertEquals(await reader.next(), undefined);
});

Deno.test("MultipartReader rejects a body cut short", async () => {
  const form = new FormData();
  form.append("doc", new File([new Uint8Array(5000)], "a.bin"));
  const request = new Request("http://x/", { method: "POST", body: form });
  const bytes = (await request.bytes()).slice(0, 3000);
  const reader = new MultipartReader(
    new Response(bytes).body!,
    multipartBoundary(request.headers.get("content-type")!),
  );
  const part = await reader.next();
  await assertRejects(new Response(part!.body).bytes(), InputError);
});

Deno.test("multipartBoundary() reads quoted and plain boundaries and rejects none", () => {
  assertEquals(multipartBoundary('multipart/form-data; boundary="a b"'), "a b");
  assertEquals(
    multipartBoundary("multipart/form-data; boundary=xyz; charset=utf-8"),
    "xyz",
  );
  let threw = false;
  try {
    multipartBoundary("multipart/form-data");
  } catch (error) {
    threw = error instanceof InputError;
  }
  assertEquals(threw, true);
});

Deno.test("indexOfBytes() finds a needle at the edges", () => {
  const hay = encoder.encode("abcabd");
  assertEquals(indexOfBytes(hay, encoder.encode("abd")), 3);
  assertEquals(indexOfBytes(hay, encoder.encode("abc"), 1), -1);
  assertEquals(indexOfBytes(hay, encoder.encode("d")), 5);
});

Deno.test("partialMatchStart() keeps only a tail that can still become the needle", () => {
  const needle = encoder.encode("\r\n--xy");
  assertEquals(partialMatchStart(encoder.encode("abc"), needle), 3);
  assertEquals(partialMatchStart(encoder.encode("abc\r"), needle), 3);
  assertEquals(partialMatchStart(encoder.encode("abc\r\n-"), needle), 3);
  assertEquals(partialMatchStart(encoder.encode("abc\r\n-a"), needle), 7);
  // A full needle is not a partial one; a later partial start still counts.
  assertEquals(partialMatchStart(encoder.encode("\r\n--xy\r"), needle), 6);
  assertEquals(partialMatchStart(encoder.encode(""), needle), 0);
});
