/** End to end: multipart uploads and streamed downloads through the gateway and the emulator. */
import { assert, assertEquals } from "../assert.ts";
import { readJson, startBot, withWorld } from "./harness.ts";
import type { World } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** Deterministic bytes that are not all alike, so offsets matter. */
function pattern(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let x = 2463534242;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

async function sendDocument(
  world: World,
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  type: string,
) {
  const form = new FormData();
  form.append("chat", JSON.stringify(world.userId));
  form.append(
    "media",
    JSON.stringify({ type: "document", file: { _: "file", field: "doc" } }),
  );
  form.append("doc", new File([bytes], name, { type }));
  return await world.gateway.fetch(`/bot${world.bot.token}/mtcute.sendMedia`, {
    method: "POST",
    body: form,
  }).then(readJson);
}

function download(world: World, messageId: number, headers: HeadersInit = {}) {
  const target = encodeURIComponent(
    JSON.stringify({ chatId: world.userId, messageId }),
  );
  return world.gateway.fetch(`/bot${world.bot.token}/download?${target}`, {
    headers,
  });
}

/** Sends `size` bytes of a file part, waits until the gateway has spooled them, then drops the request; nothing may stay in the spool. */
async function abandonUpload(world: World, size: number): Promise<void> {
  const controller = new AbortController();
  const boundary = "b0undary";
  const uploads = `${world.gateway.dataDir}/.uploads`;
  const spooled = () => {
    try {
      return [...Deno.readDirSync(uploads)].reduce(
        (sum, entry) => sum + Deno.statSync(`${uploads}/${entry.name}`).size,
        0,
      );
    } catch {
      return 0;
    }
  };
  const body = new ReadableStream<Uint8Array>({
    async start(stream) {
      const head =
        `--${boundary}\r\ncontent-disposition: form-data; name="chat"\r\n\r\n${world.userId}\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="doc"; filename="x.bin"\r\n\r\n`;
      stream.enqueue(new TextEncoder().encode(head));
      stream.enqueue(pattern(size));
      // The spool takes whole 1 MiB batches: all but the last are on disk.
      while (spooled() < size - 1024 * 1024) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      controller.abort();
    },
  });
  await world.gateway.fetch(`/bot${world.bot.token}/mtcute.sendMedia`, {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    signal: controller.signal,
  }).catch(() => {});
  // Deleting is asynchronous: wait for it, up to 5 s.
  for (let waited = 0; [...Deno.readDirSync(uploads)].length > 0; waited++) {
    if (waited === 250) {
      throw new Error("the abandoned upload stayed in the spool");
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

Deno.test(
  "a 20 MB document (mtcute.sendMedia) and a 12 MB one (MTKruto's sendDocument) go up with multipart, uploaded while they arrive, and come back byte-identical, also in ranges",
  options,
  () =>
    withWorld(async (world) => {
      await startBot(world);
      const bytes = pattern(20 * 1024 * 1024);
      const sent = await sendDocument(
        world,
        bytes,
        "report 2026 é.bin",
        "application/x-test",
      );
      assertEquals(sent.status, 200);
      const message = sent.body as {
        id: number;
        media: {
          type: string;
          fileName: string;
          mimeType: string;
          fileSize: number;
        };
      };
      assertEquals(
        [
          message.media.type,
          message.media.fileName,
          message.media.mimeType,
          message.media.fileSize,
        ],
        ["document", "report 2026 é.bin", "application/x-test", bytes.length],
      );

      const whole = await download(world, message.id);
      assertEquals(whole.status, 200);
      assertEquals(whole.headers.get("content-type"), "application/x-test");
      assertEquals(whole.headers.get("content-length"), String(bytes.length));
      assert(
        whole.headers.get("content-disposition")!.includes(
          "filename*=UTF-8''report%202026%20%C3%A9.bin",
        ),
      );
      assertEquals(await whole.bytes(), bytes);

      // The middle of the file, at an offset that is not 4 KiB-aligned.
      const ranged = await download(world, message.id, {
        range: "bytes=5000001-5100000",
      });
      assertEquals(ranged.status, 206);
      assertEquals(
        ranged.headers.get("content-range"),
        `bytes 5000001-5100000/${bytes.length}`,
      );
      assertEquals(await ranged.bytes(), bytes.subarray(5000001, 5100001));

      // Several downloads of one client at once.
      const tails = await Promise.all(
        [0, 1, 2].map((i) =>
          download(world, message.id, {
            range: `bytes=${bytes.length - 1000 * (i + 1)}-`,
          })
        ),
      );
      for (const [i, tail] of tails.entries()) {
        assertEquals(
          await tail.bytes(),
          bytes.subarray(bytes.length - 1000 * (i + 1)),
        );
      }

      // MTKruto's sendDocument with a part past 10 MiB (uploaded while the body arrived).
      const big = bytes.slice(7, 7 + 12 * 1024 * 1024 + 3);
      const form = new FormData();
      form.append("chatId", JSON.stringify(world.userId));
      form.append(
        "document",
        new File([big], "dialect.bin", { type: "application/x-test" }),
      );
      const viaDialect = await world.gateway.fetch(
        `/bot${world.bot.token}/sendDocument`,
        { method: "POST", body: form },
      ).then(readJson);
      assertEquals(viaDialect.status, 200);
      const dialectMessage = viaDialect.body as {
        id: number;
        document: { fileName: string; fileSize: number };
      };
      assertEquals(
        [dialectMessage.document.fileName, dialectMessage.document.fileSize],
        ["dialect.bin", big.length],
      );
      assertEquals(
        await (await download(world, dialectMessage.id)).bytes(),
        big,
      );
    }),
);

Deno.test(
  "a photo upload, bad file input, and an aborted upload that leaves the client working",
  options,
  () =>
    withWorld(async (world) => {
      await startBot(world);
      // A tiny but valid JPEG is not needed by the emulator; it stores the bytes as sent.
      const photoBytes = pattern(50_000);
      const form = new FormData();
      form.append("chat", JSON.stringify(world.userId));
      form.append(
        "media",
        JSON.stringify({ type: "photo", file: { _: "file", field: "p" } }),
      );
      form.append(
        "p",
        new File([photoBytes], "cat.jpg", { type: "image/jpeg" }),
      );
      const photo = await world.gateway.fetch(
        `/bot${world.bot.token}/mtcute.sendMedia`,
        { method: "POST", body: form },
      )
        .then(readJson);
      assertEquals(photo.status, 200);
      const photoMessage = photo.body as {
        id: number;
        media: { type: string };
      };
      assertEquals(photoMessage.media.type, "photo");
      const fetched = await download(world, photoMessage.id);
      assertEquals(fetched.headers.get("content-type"), "image/jpeg");
      assertEquals(await fetched.bytes(), photoBytes);

      // A reference to a part that is not there.
      const missing = new FormData();
      missing.append("chat", JSON.stringify(world.userId));
      missing.append(
        "media",
        JSON.stringify({
          type: "document",
          file: { _: "file", field: "nope" },
        }),
      );
      const refused = await world.gateway.fetch(
        `/bot${world.bot.token}/mtcute.sendMedia`,
        { method: "POST", body: missing },
      )
        .then(readJson);
      assertEquals([refused.status, refused.errorType], [400, "input"]);

      // Uploads the client abandons halfway: a small one, and one past 10 MiB,
      // whose upload to Telegram has started while the body arrived.
      for (const size of [1024 * 1024, 12 * 1024 * 1024]) {
        await abandonUpload(world, size);
        const after = await world.gateway.fetch(
          `/bot${world.bot.token}/mtcute.sendText?${world.userId}&"still here"`,
        )
          .then(readJson);
        assertEquals(after.status, 200);
      }

      // A download past the end, and a Range we cannot serve.
      const past = await download(world, photoMessage.id, {
        range: "bytes=60000-",
      });
      assertEquals(past.status, 416);
      await past.body?.cancel();
      const multi = await download(world, photoMessage.id, {
        range: "bytes=0-1,5-6",
      });
      assertEquals(multi.status, 416);
      await multi.body?.cancel();
    }, { gatewayArgs: ["--max-upload", String(64 * 1024 * 1024)] }),
);

/** The file GC figures of the front and of worker 0, from the stats JSON. */
async function fileGcCounts(world: World): Promise<[number, number]> {
  const stats = await world.gateway.stats();
  return [
    stats.memory.fileGc.collections,
    stats.workers[0].fileGc.collections,
  ];
}

/** Sends a 6 MiB document and downloads it back; returns the two threads' collections. */
async function transferSixMib(world: World): Promise<[number, number]> {
  await startBot(world);
  const bytes = pattern(6 * 1024 * 1024);
  const sent = await sendDocument(world, bytes, "gc.bin", "application/x-test");
  assertEquals(sent.status, 200);
  const back = await download(world, (sent.body as { id: number }).id);
  assertEquals(await back.bytes(), bytes);
  return await fileGcCounts(world);
}

Deno.test(
  "--file-gc 1 collects in the front and in the worker as their buffers grow with file bytes, and /stats shows it; --file-gc 0 never does",
  options,
  async () => {
    await withWorld(async (world) => {
      // 6 MiB spooled and 6 MiB streamed out by the front; 6 MiB read and 6 MiB downloaded by the
      // worker: each thread looks at its memory every 4 MiB, and its buffers grow by more than 1 MiB.
      const [front, worker] = await transferSixMib(world);
      assert(front >= 1 && front <= 3, `front collections: ${front}`);
      assert(worker >= 1 && worker <= 3, `worker collections: ${worker}`);
    }, { gatewayArgs: ["--file-gc", "1"] });
    await withWorld(async (world) => {
      assertEquals(await transferSixMib(world), [0, 0]);
    }, { gatewayArgs: ["--file-gc", "0"] });
  },
);
