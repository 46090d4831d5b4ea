import { assertEquals, assertRejects } from "../assert.ts";
import { InputError } from "../../src/errors.ts";
import {
  discardUploads,
  MAX_PARTS,
  readMultipartArgs,
} from "../../src/http/uploads.ts";

Deno.test("readMultipartArgs() spools a file part of several batches byte for byte", async () => {
  const uploadDir = await Deno.makeTempDir({ prefix: "mtkruto-uploads-" });
  try {
    // Not a multiple of the 1 MiB batch, with bytes that look like the delimiter's start.
    const bytes = new Uint8Array(2.5 * 1024 * 1024 + 123).map((_, i) =>
      i % 997 === 0 ? 13 : (i * 31) % 256
    );
    const form = new FormData();
    form.append("chat", "1");
    form.append("doc", new File([bytes], "big.bin"));
    const request = new Request("http://x/", { method: "POST", body: form });
    const whole = await request.bytes();
    // Odd chunk sizes, so batches and chunks never line up.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0, size = 1; i < whole.length; i += size, size += 4099) {
          controller.enqueue(whole.slice(i, i + size));
        }
        controller.close();
      },
    });
    const { args, files } = await readMultipartArgs(
      body,
      request.headers.get("content-type")!,
      { uploadDir, maxTextBytes: 1024 },
    );
    const doc = files.get("doc")!;
    assertEquals(args, [1, { _: "file", field: "doc" }]);
    assertEquals(doc.size, bytes.length);
    assertEquals(await Deno.readFile(doc.path), bytes);
    await discardUploads(files.values());
  } finally {
    await Deno.remove(uploadDir, { recursive: true });
  }
});

Deno.test("readMultipartArgs() refuses more than MAX_PARTS parts, leaving no spool file behind", async () => {
  const uploadDir = await Deno.makeTempDir({ prefix: "mtkruto-uploads-" });
  try {
    const form = new FormData();
    for (let i = 0; i <= MAX_PARTS; i++) {
      form.append(`f${i}`, new File(["x"], `${i}.txt`));
    }
    const request = new Request("http://x/", { method: "POST", body: form });
    const error = await assertRejects(
      readMultipartArgs(request.body!, request.headers.get("content-type")!, {
        uploadDir,
        maxTextBytes: 1024,
      }),
      InputError,
    );
    assertEquals(
      error.message,
      `The multipart body has more than ${MAX_PARTS} parts`,
    );
    assertEquals([...Deno.readDirSync(uploadDir)], []);
    // One part fewer is read as usual.
    const fewer = new FormData();
    for (let i = 0; i < MAX_PARTS; i++) fewer.append(`t${i}`, String(i));
    const ok = new Request("http://x/", { method: "POST", body: fewer });
    const { args } = await readMultipartArgs(
      ok.body!,
      ok.headers.get("content-type")!,
      {
        uploadDir,
        maxTextBytes: 4096,
      },
    );
    assertEquals(args.length, MAX_PARTS);
  } finally {
    await Deno.remove(uploadDir, { recursive: true });
  }
});
