/** The file benchmark's transfers: through the gateway (fetch, curl) and with a direct mtcute client. */
import type { TelegramClient } from "@mtcute/core/client.js";
import { FileLocation } from "@mtcute/core";
import type { Bot, Gateway } from "./_world.ts";
import { rssBytes } from "./_stats.ts";
import {
  bounded,
  check,
  dirUsage,
  drain,
  type GatewayUploadPhases,
  type GeneratedFile,
  measured,
  type Pids,
  type Received,
  type Transfer,
  type TransferInput,
} from "./_files_measure.ts";

/** What an upload through the gateway resolves with. */
type GatewayUpload = Transfer & GatewayUploadPhases & {
  messageId: number;
};

/** A gateway upload in progress: who sends it, and what the answer must say. */
interface UploadRun {
  gateway: Gateway;
  file: GeneratedFile;
  pids: Pids;
  /** Sends the request; resolves with the answer's status and text. */
  send: () => Promise<{ status: number; text: string }>;
  /** The sha256 of what was sent, once it was. */
  sha256: () => string;
}

/**
 * Runs an upload through the gateway while watching its spool directory
 * (when the part is all on disk) and its RSS until then.
 */
async function spooledUpload(
  { gateway, file, pids, send, sha256 }: UploadRun,
): Promise<
  Transfer & Omit<GatewayUploadPhases, "bodySentSeconds"> & {
    messageId: number;
    started: number;
  }
> {
  const spoolDir = `${gateway.dataDir}/.uploads`;
  let started = 0;
  let spooledAt = NaN;
  let spoolPeakRss = 0;
  const result = await measured(
    pids,
    async () => {
      started = performance.now();
      const { status, text } = await send();
      if (status !== 200) {
        throw new Error(
          `gateway mtcute.sendMedia: ${status} ${text.slice(0, 300)}`,
        );
      }
      const message = JSON.parse(text) as {
        id: number;
        media: { fileSize: number };
      };
      check(
        "gateway upload: size Telegram stored",
        message.media.fileSize,
        file.size,
      );
      return { bytes: file.size, sha256: sha256(), messageId: message.id };
    },
    () => {
      if (!Number.isNaN(spooledAt)) return;
      spoolPeakRss = Math.max(spoolPeakRss, rssBytes(pids.gateway));
      if (dirUsage(spoolDir).bytes >= file.size) {
        spooledAt = performance.now();
      }
    },
  );
  return {
    ...result,
    started,
    spooledSeconds: (spooledAt - started) / 1000,
    spoolPeakRss,
  };
}

const MEDIA_PART = JSON.stringify({
  type: "document",
  file: { _: "file", field: "doc" },
});

/** The benchmark's own upload: `fetch` with a multipart body generated as it is sent (chunked). */
export async function gatewayUpload(
  { gateway, bot, userId, file, pids, timeoutMs }: TransferInput & {
    gateway: Gateway;
    bot: Bot;
  },
): Promise<GatewayUpload> {
  const boundary = `bench${crypto.randomUUID().replaceAll("-", "")}`;
  const encoder = new TextEncoder();
  const prefix = encoder.encode(
    `--${boundary}\r\ncontent-disposition: form-data; name="chat"\r\n\r\n${userId}\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="media"\r\n\r\n${MEDIA_PART}\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="doc"; filename="bench.bin"\r\n` +
      `content-type: application/octet-stream\r\n\r\n`,
  );
  const suffix = encoder.encode(`\r\n--${boundary}--\r\n`);
  let bodySentAt = NaN;
  const { body, sha256 } = file.stream({
    prefix,
    suffix,
    onEnd: () => bodySentAt = performance.now(),
  });
  const result = await spooledUpload({
    gateway,
    file,
    pids,
    sha256,
    send: async () => {
      const response = await fetch(
        `${gateway.url}/bot${bot.token}/mtcute.sendMedia`,
        {
          method: "POST",
          body,
          headers: {
            "content-type": `multipart/form-data; boundary=${boundary}`,
          },
          signal: AbortSignal.timeout(timeoutMs),
        },
      );
      return { status: response.status, text: await response.text() };
    },
  });
  return {
    ...result,
    bodySentSeconds: (bodySentAt - result.started) / 1000,
  };
}

/**
 * The README's way: `curl -F doc=@file`, which sends a Content-Length body.
 * The file is written to a temporary file first (not timed); undefined when
 * curl is not installed.
 */
export async function curlUpload(
  { gateway, bot, userId, file, pids, timeoutMs }: TransferInput & {
    gateway: Gateway;
    bot: Bot;
  },
): Promise<GatewayUpload | undefined> {
  const path = await Deno.makeTempFile({
    prefix: "mtkruto-bench-",
    suffix: ".bin",
  });
  try {
    const { body, sha256 } = file.stream();
    await body.pipeTo((await Deno.open(path, { write: true })).writable);
    const result = await spooledUpload({
      gateway,
      file,
      pids,
      sha256,
      send: async () => {
        const output = await new Deno.Command("curl", {
          args: [
            "--silent",
            "--show-error",
            "--max-time",
            String(Math.ceil(timeoutMs / 1000)),
            "--write-out",
            "\n%{http_code}",
            "-F",
            `chat=${userId}`,
            "-F",
            `media=${MEDIA_PART}`,
            "-F",
            `doc=@${path};type=application/octet-stream;filename=bench.bin`,
            `${gateway.url}/bot${bot.token}/mtcute.sendMedia`,
          ],
          stdout: "piped",
          stderr: "piped",
        }).output();
        const text = new TextDecoder().decode(output.stdout);
        const cut = text.lastIndexOf("\n");
        if (!output.success) {
          throw new Error(`curl: ${new TextDecoder().decode(output.stderr)}`);
        }
        return {
          status: Number(text.slice(cut + 1)),
          text: text.slice(0, cut),
        };
      },
    });
    return { ...result, bodySentSeconds: NaN };
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  } finally {
    await Deno.remove(path).catch(() => {});
  }
}

/** Streams the uploaded file back through the gateway's `download`. */
export async function gatewayDownload(
  { gateway, bot, userId, messageId, file, pids, timeoutMs }: TransferInput & {
    gateway: Gateway;
    bot: Bot;
    messageId: number;
  },
): Promise<Transfer & Received> {
  const target = encodeURIComponent(
    JSON.stringify({ chatId: userId, messageId }),
  );
  return await measured(pids, async () => {
    const started = performance.now();
    const response = await fetch(
      `${gateway.url}/bot${bot.token}/download?${target}`,
      {
        signal: AbortSignal.timeout(timeoutMs),
      },
    );
    if (response.status !== 200 || !response.body) {
      throw new Error(
        `gateway download: ${response.status} ${await response.text()}`,
      );
    }
    return await drain(response.body, file, started);
  });
}

/** The same upload with mtcute's `sendMedia` from a stream. */
export async function directUpload(
  { client, userId, file, pids, timeoutMs }: TransferInput & {
    client: TelegramClient;
  },
): Promise<Transfer & { messageId: number }> {
  const { body, sha256 } = file.stream();
  const controller = new AbortController();
  return await measured(pids, async () => {
    const message = await bounded(
      client.sendMedia(userId, {
        type: "document",
        file: body,
        fileName: "bench.bin",
        fileMime: "application/octet-stream",
        fileSize: file.size,
      }, { abortSignal: controller.signal }),
      timeoutMs,
      "direct upload",
      controller,
    );
    const media = message.media as FileLocation | null;
    check("direct upload: size Telegram stored", media?.fileSize, file.size);
    return { bytes: file.size, sha256: sha256(), messageId: message.id };
  });
}

/** The same download with mtcute's `downloadAsStream`. */
export async function directDownload(
  { client, userId, messageId, file, pids, timeoutMs }: TransferInput & {
    client: TelegramClient;
    messageId: number;
  },
): Promise<Transfer & Received> {
  const controller = new AbortController();
  return await measured(pids, () =>
    bounded(
      (async () => {
        const started = performance.now();
        // As the gateway's `download` does: look the message up, then stream its media.
        const [message] = await client.getMessages(userId, [messageId]);
        const media = message?.media;
        if (!(media instanceof FileLocation)) {
          throw new Error("direct download: the message has no file");
        }
        const stream = client.downloadAsStream(media, {
          fileSize: media.fileSize,
          abortSignal: controller.signal,
        });
        return await drain(stream, file, started);
      })(),
      timeoutMs,
      "direct download",
      controller,
    ));
}
