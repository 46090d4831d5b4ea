import { assertEquals, assertRejects } from "../assert.ts";
import { parseArgs } from "../../src/http/args.ts";
import {
  Client,
  type DownloadTarget,
  encodeArguments,
  InputError,
  InputFile,
  parseFileName,
} from "../../client/mod.ts";
import {
  botEndpoint,
  gatewayError,
  json,
  withFakeServer,
} from "./_fake_server.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(bytes(chunk));
      controller.close();
    },
  });
}

Deno.test("encodeArguments() keeps JSON when there are no files", async () => {
  const encoded = await encodeArguments([1, new Uint8Array([1]), undefined]);
  assertEquals(encoded, {
    body: '[1,{"_":"bytes","value":"AQ=="}]',
    contentType: "application/json",
  });
});

Deno.test("encodeArguments() puts files in multipart parts and references them from the JSON parts", async () => {
  const { body, contentType } = await encodeArguments([
    "@alice",
    {
      type: "photo",
      file: new File(["photo-bytes"], "cat.jpg", { type: "image/jpeg" }),
      caption: "cat",
    },
    {
      thumb: new InputFile(new Uint8Array([1, 2, 3]), { name: "thumb.bin" }),
      stream: streamOf("str", "eam"),
    },
    { big: 1n },
  ]);
  assertEquals(contentType, undefined);
  const form = body as FormData;
  assertEquals([...form.keys()], [
    "arg0",
    "arg1",
    "arg2",
    "arg3",
    "file0",
    "file1",
    "file2",
  ]);
  assertEquals(JSON.parse(form.get("arg0") as string), "@alice");
  assertEquals(JSON.parse(form.get("arg1") as string), {
    type: "photo",
    file: { _: "file", field: "file0" },
    caption: "cat",
  });
  assertEquals(JSON.parse(form.get("arg2") as string), {
    thumb: { _: "file", field: "file1" },
    stream: { _: "file", field: "file2" },
  });
  assertEquals(JSON.parse(form.get("arg3") as string), {
    big: { _: "bigint", value: "1" },
  });
  const [photo, thumb, stream] = ["file0", "file1", "file2"].map((name) =>
    form.get(name) as File
  );
  assertEquals([photo.name, photo.type, await photo.text()], [
    "cat.jpg",
    "image/jpeg",
    "photo-bytes",
  ]);
  assertEquals([thumb.name, new Uint8Array(await thumb.arrayBuffer())], [
    "thumb.bin",
    new Uint8Array([1, 2, 3]),
  ]);
  assertEquals([stream.name, await stream.text()], ["file", "stream"]);
});

Deno.test("encodeArguments()' multipart body is what the gateway's parseArgs() reads", async () => {
  const { body } = await encodeArguments([
    7,
    new InputFile(new Blob(["img"]), { name: "img.png", type: "image/png" }),
    { caption: "cat" },
  ]);
  const request = new Request(
    "http://gateway.example/bot1:x/sendPhoto",
    {
      method: "POST",
      body,
    },
  );
  const uploadDir = await Deno.makeTempDir({ prefix: "mtkruto-client-" });
  try {
    const { args, files } = await parseArgs(request, {
      maxBodyBytes: 1 << 20,
      maxUploadBytes: 1 << 20,
      uploadDir,
    });
    assertEquals(args, [7, { _: "file", field: "file0" }, { caption: "cat" }]);
    const file = files.get("file0")!;
    assertEquals(
      [file.name, file.type, file.size, await Deno.readTextFile(file.path)],
      ["img.png", "image/png", 3, "img"],
    );
  } finally {
    await Deno.remove(uploadDir, { recursive: true });
  }
});

Deno.test("InputFile takes a name and type, defaulting to a File's own", async () => {
  const file = new InputFile(new File(["x"], "a.txt", { type: "text/plain" }));
  assertEquals([file.name, file.type], ["a.txt", "text/plain"]);
  const renamed = new InputFile(new Blob(["x"]), {
    name: "b.json",
    type: "application/json",
  });
  assertEquals([renamed.name, (await renamed.toBlob()).type], [
    "b.json",
    "application/json",
  ]);
});

Deno.test("Client uploads files as multipart/form-data the gateway reads", () =>
  withFakeServer(() => json({ id: 3 }), async ({ url, received }) => {
    const client = new Client(botEndpoint(url));
    await client.sendDocument(42, new Blob(["hello"]), {
      fileName: "hello.txt",
    });
    const [request] = received;
    assertEquals(request.path.split("/").at(-1), "sendDocument");
    assertEquals(
      request.headers.get("content-type")?.startsWith(
        "multipart/form-data; boundary=",
      ),
      true,
    );
    const form = request.form!;
    assertEquals(JSON.parse(form.get("arg0") as string), 42);
    assertEquals(JSON.parse(form.get("arg1") as string), {
      _: "file",
      field: "file0",
    });
    assertEquals(JSON.parse(form.get("arg2") as string), {
      fileName: "hello.txt",
    });
    assertEquals(await (form.get("file0") as File).text(), "hello");
  }));

Deno.test("Client.download() returns the body as a stream with its metadata", () => {
  const content = "0123456789".repeat(1000);
  return withFakeServer((req) => {
    const range = req.headers.get("range");
    if (range === "bytes=10-19") {
      return new Response(content.slice(10, 20), {
        status: 206,
        headers: {
          "content-type": "text/plain",
          "content-length": "10",
          "content-range": "bytes 10-19/10000",
        },
      });
    }
    return new Response(streamOf(content.slice(0, 5000), content.slice(5000)), {
      headers: {
        "content-type": "text/plain",
        "content-length": "10000",
        "content-disposition": `attachment; filename="digits.txt"`,
      },
    });
  }, async ({ url, received }) => {
    const client = new Client(botEndpoint(url));
    // A media object (a Photo, a Document…) is downloaded by its fileId.
    const whole = await client.download({ fileId: "FILE_ID" });
    assertEquals(whole.body instanceof ReadableStream, true);
    assertEquals(
      [whole.status, whole.contentType, whole.size, whole.fileName],
      [200, "text/plain", 10000, "digits.txt"],
    );
    assertEquals(await new Response(whole.body).text(), content);
    assertEquals(JSON.parse(received[0].text), ["FILE_ID"]);
    assertEquals(received[0].path.endsWith("/download"), true);

    const part = await client.download("FILE_ID", {
      range: { start: 10, end: 19 },
    });
    assertEquals([
      part.status,
      part.contentRange,
      await new Response(part.body).text(),
    ], [
      206,
      "bytes 10-19/10000",
      "0123456789",
    ]);
    await assertRejects(
      client.download("x", { range: { start: 5, end: 1 } }),
      RangeError,
    );

    const message = { type: "document", id: 12, chat: { id: 34 } };
    await (await client.download(message)).body.cancel();
    await (await client.download({ chatId: "@chan", messageId: 5 })).body
      .cancel();
    assertEquals(received.slice(-2).map((r) => JSON.parse(r.text)), [
      [{ chatId: 34, messageId: 12 }],
      [{ chatId: "@chan", messageId: 5 }],
    ]);
    // What an untyped caller might pass: a poll has no file to download.
    const poll = { id: "5", question: "?" } as unknown as DownloadTarget;
    await assertRejects(client.download(poll), TypeError);
  });
});

Deno.test("Client.download() rejects with the typed error of a JSON error answer", () =>
  withFakeServer(
    () => gatewayError("Unknown method: download", 404, "input"),
    async ({ url }) => {
      const error = await assertRejects(
        new Client(botEndpoint(url)).download("FILE_ID"),
        InputError,
      );
      assertEquals(error.status, 404);
    },
  ));

Deno.test("Client.download()'s timeout covers the headers only; the signal still aborts the body", () =>
  withFakeServer(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes("first"));
        timer = setTimeout(() => {
          controller.enqueue(bytes("second"));
          controller.close();
        }, 150);
      },
      cancel() {
        clearTimeout(timer);
      },
    });
    return new Response(body);
  }, async ({ url }) => {
    const client = new Client(botEndpoint(url), { timeoutMs: 50 });
    const slow = await client.download("FILE_ID");
    assertEquals(await new Response(slow.body).text(), "firstsecond");

    const controller = new AbortController();
    const aborted = await client.download("FILE_ID", {
      signal: controller.signal,
    });
    const reader = aborted.body.getReader();
    assertEquals(
      new TextDecoder().decode((await reader.read()).value),
      "first",
    );
    controller.abort(new Error("enough"));
    const outcome = await reader.read().then(
      () => "read",
      (error: Error) => error.message,
    );
    assertEquals(outcome, "enough");
  }));

Deno.test("parseFileName() prefers filename* and unquotes filename", () => {
  assertEquals(
    parseFileName(`attachment; filename="a \\"b\\".txt"`),
    'a "b".txt',
  );
  assertEquals(parseFileName(`attachment; filename=plain.txt`), "plain.txt");
  assertEquals(
    parseFileName(`attachment; filename="x.txt"; filename*=UTF-8''%D1%84.txt`),
    "ф.txt",
  );
  assertEquals(parseFileName("inline"), null);
  assertEquals(parseFileName(null), null);
});
