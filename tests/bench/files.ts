/**
 * Issue 6: one large file up and back down through the gateway, against a
 * direct mtcute client on the same emulator.
 *
 * The gateway side posts a multipart `sendMedia` whose body is generated on
 * the fly (never held whole in memory), then streams the file back with
 * `download`; the direct side does the same with mtcute's `sendMedia` (a
 * ReadableStream and `fileSize`) and `downloadAsStream`, with a client built
 * by the gateway's own factory. Both sides hash what they send and receive.
 * While the gateway transfers, the resident set of its process (its workers
 * are threads of it) is sampled every 50 ms; the target is a peak under
 * 64 MiB above idle. The emulator keeps every file in memory, so its RSS
 * grows by the file sizes: that is expected and only reported.
 *
 * Standalone: `deno run -A tests/bench/files.ts [--quick] [--mib N] [--file-gc MIB] [--json FILE]`
 * (default 200 MiB, quick 20 MiB; `--json` also writes the figures).
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import type { TelegramClient } from "@mtcute/core/client.js";
import { FileLocation } from "@mtcute/core";
import {
  closeDirect,
  createBot,
  createUser,
  directBot,
  directContext,
  startDc,
  startDirectBot,
  startGateway,
  startGatewayBot,
} from "./_world.ts";
import type { Bot, Dc, Gateway } from "./_world.ts";
import {
  CpuMeter,
  cpuSeconds,
  machineBusySeconds,
  mib,
  pct,
  ratio,
  rssBytes,
  sleep,
  table,
  waitUntil,
} from "./_stats.ts";
import type { Section } from "./_stats.ts";

/** Options of `benchFiles`. */
export interface FilesOptions {
  /** 20 MiB instead of 200 MiB. */
  quick?: boolean;
  /** File size in MiB; overrides `quick`. */
  mib?: number;
  /** The gateways' `--file-gc` (MiB); their default when absent. */
  fileGc?: number;
}

/** One transfer: how long it took and what it cost. */
export interface Transfer {
  bytes: number;
  seconds: number;
  /** MiB per second over the whole transfer. */
  mibPerSecond: number;
  /** sha256 of the bytes, hex. */
  sha256: string;
  /** CPU share (1 = one core) of each process over the transfer. */
  cpu: Record<"gateway" | "emulator" | "bench", number>;
  /** Peak RSS seen during the transfer, per process (bytes). */
  peakRss: Record<"gateway" | "emulator" | "bench", number>;
}

/** Where a gateway upload's time went. */
export interface GatewayUploadPhases {
  /** From the request's start until the body was all handed to fetch. */
  bodySentSeconds: number;
  /** From the request's start until the spooled file had every byte. */
  spooledSeconds: number;
  /** The gateway's highest RSS while the body was being spooled (before the upload to Telegram). */
  spoolPeakRss: number;
}

/** What `benchFiles` measured. */
export interface FilesResult {
  bytes: number;
  gateway: {
    upload: Transfer & GatewayUploadPhases;
    download: Transfer & Received;
    /** RSS after login and /start, before any transfer. */
    idleRss: number;
    /** Highest sampled RSS during both transfers. */
    peakRss: number;
    /** The kernel's high-water mark over the transfers (VmHWM, reset at idle); NaN if not resettable. */
    hwmRss: number;
    /** RSS once the transfers are over (after a short rest). */
    afterRss: number;
    /** Files left in `<data-dir>/.uploads` after the upload answered. */
    spoolLeft: number;
    /** Whether the download gave back exactly the generated file. */
    intact: boolean;
  };
  direct: {
    /** RSS of the benchmark process before the direct transfers. */
    idleRss: number;
    upload: Transfer;
    download: Transfer & Received;
    /** Whether the download gave back exactly the generated file. */
    intact: boolean;
  };
  /**
   * The same upload by `curl -F` (a Content-Length body, the README's way)
   * to a second, fresh gateway process; undefined without curl.
   */
  curl?: {
    upload: Transfer & GatewayUploadPhases;
    idleRss: number;
    spoolLeft: number;
  };
  emulator: { idleRss: number; peakRss: number; afterRss: number };
  /**
   * CPU that processes other than the benchmark, the gateway and the emulator
   * used during the run, as a share of all cores: more than a few percent
   * means the figures were disturbed.
   */
  othersCpu: number;
  /** One-line results against the issue's targets. */
  summary: string[];
  /** Peak growth of the gateway over idle, and whether it is under the target. */
  growth: { bytes: number; targetBytes: number; met: boolean };
  section: Section;
}

const MIB = 1024 * 1024;
const TARGET_GROWTH = 64 * MIB;
const CHUNK = MIB;
const SAMPLE_MS = 50;

/** VmHWM (peak RSS) of `pid` in bytes; NaN if unreadable. */
function hwmBytes(pid: number): number {
  try {
    const status = Deno.readTextFileSync(`/proc/${pid}/status`);
    const kib = status.match(/^VmHWM:\s+(\d+)\s+kB/m)?.[1];
    return kib ? Number(kib) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Resets VmHWM to the current RSS (Linux ≥ 4.0, own processes); false if refused. */
function resetHwm(pid: number): boolean {
  try {
    Deno.writeTextFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** Samples the RSS of some processes every 50 ms and keeps the peaks. */
class RssSampler {
  readonly peaks: Record<string, number> = {};
  readonly #pids: Record<string, number | "self">;
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #onSample?: () => void;

  constructor(pids: Record<string, number | "self">, onSample?: () => void) {
    this.#pids = pids;
    this.#onSample = onSample;
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), SAMPLE_MS);
  }

  #sample(): void {
    for (const [name, pid] of Object.entries(this.#pids)) {
      const rss = rssBytes(pid);
      if (!(rss <= this.peaks[name])) this.peaks[name] = rss;
    }
    this.#onSample?.();
  }

  /** Takes a last sample and stops. */
  stop(): Record<string, number> {
    clearInterval(this.#timer);
    this.#sample();
    return this.peaks;
  }
}

/**
 * The benchmark file: `size` deterministic bytes in 1 MiB chunks, made as
 * they are read. Each chunk is a window of a random block at a shifting
 * offset, stamped with its index, so no two chunks are alike.
 */
class GeneratedFile {
  readonly #block: Uint8Array;

  constructor(readonly size: number) {
    this.#block = new Uint8Array(CHUNK + 65536);
    let x = 2463534242;
    for (let i = 0; i < this.#block.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.#block[i] = x & 0xff;
    }
  }

  /** Chunk `index` (a fresh copy: whoever reads it may keep or transfer it). */
  chunk(index: number): Uint8Array<ArrayBuffer> {
    const length = Math.min(CHUNK, this.size - index * CHUNK);
    const start = (index * 4099) % 65536;
    const bytes = this.#block.slice(start, start + length);
    new DataView(bytes.buffer).setUint32(0, index);
    return bytes;
  }

  /**
   * A stream of the file, `prefix` before and `suffix` after (for a
   * multipart body); the file's bytes are hashed as they go out.
   */
  stream(
    { prefix, suffix, onEnd }: {
      prefix?: Uint8Array<ArrayBuffer>;
      suffix?: Uint8Array<ArrayBuffer>;
      onEnd?: () => void;
    } = {},
  ): { body: ReadableStream<Uint8Array<ArrayBuffer>>; sha256: () => string } {
    const hash = createHash("sha256");
    const chunks = Math.ceil(this.size / CHUNK);
    let index = -1;
    let digest: string | undefined;
    const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull: (controller) => {
        if (index === -1) {
          index = 0;
          if (prefix) return controller.enqueue(prefix);
        }
        if (index < chunks) {
          const bytes = this.chunk(index++);
          hash.update(bytes);
          return controller.enqueue(bytes);
        }
        digest = hash.digest("hex");
        if (suffix) controller.enqueue(suffix);
        controller.close();
        onEnd?.();
      },
    });
    return {
      body,
      sha256: () => {
        if (digest === undefined) throw new Error("the body was not all read");
        return digest;
      },
    };
  }
}

/** What a download brought back, checked against the generated file. */
export interface Received {
  bytes: number;
  sha256: string;
  firstByteSeconds: number;
  /** Indexes of the 1 MiB blocks that differ from the generated file (the first 20). */
  damagedMiB: number[];
  /** How many 1 MiB blocks differ. */
  damagedCount: number;
}

/**
 * Reads a stream to its end, hashing it and comparing it with `file` as it
 * goes (to tell where any damage is, not only that there is some).
 */
async function drain(
  stream: ReadableStream<Uint8Array>,
  file: GeneratedFile,
  started: number,
): Promise<Received> {
  const hash = createHash("sha256");
  let bytes = 0;
  let firstByteSeconds = NaN;
  let expectedIndex = -1;
  let expected = new Uint8Array(0);
  const damaged = new Set<number>();
  for await (const chunk of stream) {
    if (bytes === 0 && chunk.length) {
      firstByteSeconds = (performance.now() - started) / 1000;
    }
    hash.update(chunk);
    let done = 0;
    while (done < chunk.length) {
      const at = bytes + done;
      const index = Math.floor(at / CHUNK);
      if (index !== expectedIndex) {
        expectedIndex = index;
        expected = index * CHUNK < file.size
          ? file.chunk(index)
          : new Uint8Array(0);
      }
      const from = at - index * CHUNK;
      const length = Math.min(chunk.length - done, CHUNK - from);
      const got = Buffer.from(chunk.buffer, chunk.byteOffset + done, length);
      const want = Buffer.from(
        expected.buffer,
        expected.byteOffset + from,
        Math.max(0, Math.min(length, expected.length - from)),
      );
      if (!got.equals(want)) damaged.add(index);
      done += length;
    }
    bytes += chunk.length;
  }
  const damagedMiB = [...damaged].sort((a, b) => a - b);
  return {
    bytes,
    sha256: hash.digest("hex"),
    firstByteSeconds,
    damagedMiB: damagedMiB.slice(0, 20),
    damagedCount: damagedMiB.length,
  };
}

/** Rejects with `what` after `ms` (and aborts `controller`), unless `promise` settles first. */
async function bounded<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
  controller?: AbortController,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new Error(`${what} took longer than ${ms / 1000} s`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Files left in a gateway's spool directory once it has had up to 5 s to
 * empty it: the spooled part is deleted as the call ends, right around the answer.
 */
async function spoolFilesLeft(gateway: Gateway): Promise<number> {
  const spoolDir = `${gateway.dataDir}/.uploads`;
  await waitUntil(() => dirUsage(spoolDir).files === 0, {
    timeoutMs: 5_000,
    everyMs: 20,
    what: "the spool directory to empty",
  }).catch(() => {});
  return dirUsage(spoolDir).files;
}

/** The processes a transfer meters besides the benchmark's own. */
interface Pids {
  gateway: number;
  emulator: number;
}

/** What every transfer of the benchmark is given. */
interface TransferInput {
  userId: number;
  file: GeneratedFile;
  pids: Pids;
  timeoutMs: number;
}

/** What an upload through the gateway resolves with. */
type GatewayUpload = Transfer & GatewayUploadPhases & { messageId: number };

/** Runs `fn` while metering CPU and sampling RSS of the three processes. */
async function measured<T extends { bytes: number; sha256: string }>(
  pids: Pids,
  fn: () => Promise<T>,
  onSample?: () => void,
): Promise<T & Transfer> {
  const all = { ...pids, bench: "self" as const };
  const meter = new CpuMeter(all);
  const sampler = new RssSampler(all, onSample);
  const started = performance.now();
  let result: T;
  try {
    result = await fn();
  } finally {
    sampler.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    ...result,
    seconds,
    mibPerSecond: result.bytes / MIB / seconds,
    cpu: meter.read() as Transfer["cpu"],
    peakRss: sampler.peaks as Transfer["peakRss"],
  };
}

function check(what: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) {
    throw new Error(`${what}: got ${actual}, expected ${expected}`);
  }
}

/** Total bytes of the files in `dir` and how many there are (0 when it is missing). */
function dirUsage(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  try {
    for (const entry of Deno.readDirSync(dir)) {
      files++;
      try {
        bytes += Deno.statSync(`${dir}/${entry.name}`).size;
      } catch { /* deleted meanwhile */ }
    }
  } catch { /* not there yet */ }
  return { files, bytes };
}

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
        throw new Error(`gateway sendMedia: ${status} ${text.slice(0, 300)}`);
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
async function gatewayUpload(
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
      const response = await fetch(`${gateway.url}/bot${bot.token}/sendMedia`, {
        method: "POST",
        body,
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
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
async function curlUpload(
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
            `${gateway.url}/bot${bot.token}/sendMedia`,
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

async function gatewayDownload(
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

async function directUpload(
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

async function directDownload(
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

function mibps(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : "–";
}

function secs(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)} s` : "–";
}

function cpus(cpu: Transfer["cpu"]): string {
  return `${pct(cpu.gateway)} / ${pct(cpu.emulator)} / ${pct(cpu.bench)}`;
}

function integrity(intact: boolean, received: Received): string {
  if (intact) return "yes";
  const blocks = received.damagedMiB.join(", ") +
    (received.damagedCount > received.damagedMiB.length ? ", …" : "");
  return `**NO**: ${received.damagedCount} 1 MiB block(s) differ (${blocks})`;
}

function report(result: Omit<FilesResult, "section">): Section {
  const { gateway: g, direct: d, emulator: e, growth, curl: c } = result;
  const size = mib(result.bytes);
  const throughput = table(
    [
      "Transfer",
      "Gateway",
      "Direct mtcute",
      "Gateway / direct",
      "CPU gateway / emulator / bench (gateway run)",
      "CPU gateway / emulator / bench (direct run)",
    ],
    [
      [
        `Upload ${size}`,
        `${mibps(g.upload.mibPerSecond)} MiB/s (${secs(g.upload.seconds)})`,
        `${mibps(d.upload.mibPerSecond)} MiB/s (${secs(d.upload.seconds)})`,
        ratio(g.upload.mibPerSecond / d.upload.mibPerSecond),
        cpus(g.upload.cpu),
        cpus(d.upload.cpu),
      ],
      ...(c
        ? [[
          `Upload ${size}, \`curl -F\` (Content-Length), fresh gateway`,
          `${mibps(c.upload.mibPerSecond)} MiB/s (${secs(c.upload.seconds)})`,
          `${mibps(d.upload.mibPerSecond)} MiB/s (${secs(d.upload.seconds)})`,
          ratio(c.upload.mibPerSecond / d.upload.mibPerSecond),
          cpus(c.upload.cpu),
          cpus(d.upload.cpu),
        ]]
        : []),
      [
        `Download ${size}`,
        `${mibps(g.download.mibPerSecond)} MiB/s (${secs(g.download.seconds)})`,
        `${mibps(d.download.mibPerSecond)} MiB/s (${secs(d.download.seconds)})`,
        ratio(g.download.mibPerSecond / d.download.mibPerSecond),
        cpus(g.download.cpu),
        cpus(d.download.cpu),
      ],
    ],
  );
  const memory = table(
    [
      "Process",
      "Idle RSS",
      "Peak during upload",
      "Peak during download",
      "Peak − idle",
      "After",
    ],
    [
      [
        "Gateway (sampled every 50 ms)",
        mib(g.idleRss),
        mib(g.upload.peakRss.gateway),
        mib(g.download.peakRss.gateway),
        `**${mib(growth.bytes)}**`,
        mib(g.afterRss),
      ],
      [
        "Gateway (kernel VmHWM over both, reset at idle)",
        mib(g.idleRss),
        "",
        "",
        mib(g.hwmRss - g.idleRss),
        "",
      ],
      ...(c
        ? [[
          "Second gateway, fresh, `curl -F` upload only",
          mib(c.idleRss),
          mib(c.upload.peakRss.gateway),
          "",
          `**${mib(c.upload.peakRss.gateway - c.idleRss)}**`,
          "",
        ]]
        : []),
      [
        "Direct mtcute client (the benchmark process, which also makes and hashes the data)",
        mib(d.idleRss),
        mib(d.upload.peakRss.bench),
        mib(d.download.peakRss.bench),
        mib(
          Math.max(d.upload.peakRss.bench, d.download.peakRss.bench) -
            d.idleRss,
        ),
        "",
      ],
      [
        "Emulator (keeps every file in memory; all transfers)",
        mib(e.idleRss),
        "",
        "",
        mib(e.peakRss - e.idleRss),
        mib(e.afterRss),
      ],
    ],
  );
  const phases = [
    `Gateway upload phases: the benchmark had handed over the whole body after ${
      secs(g.upload.bodySentSeconds)
    }; the spool file was complete after ${secs(g.upload.spooledSeconds)} (${
      mibps(result.bytes / MIB / g.upload.spooledSeconds)
    } MiB/s into the spool); the answer came after ${secs(g.upload.seconds)} (${
      mibps(
        result.bytes / MIB / (g.upload.seconds - g.upload.spooledSeconds),
      )
    } MiB/s from the spool to the emulator). The upload to Telegram starts only once the part is spooled, so the two run one after the other. ` +
    `The gateway's RSS peaked at ${
      mib(g.upload.spoolPeakRss)
    } while spooling, ${mib(g.upload.spoolPeakRss - g.idleRss)} above idle.`,
    ...(c
      ? [
        `\`curl -F\` upload: the spool file was complete after ${
          secs(c.upload.spooledSeconds)
        } (${
          mibps(result.bytes / MIB / c.upload.spooledSeconds)
        } MiB/s), the answer came after ${secs(c.upload.seconds)} (${
          mibps(
            result.bytes / MIB /
              (c.upload.seconds - c.upload.spooledSeconds),
          )
        } MiB/s from the spool to the emulator); RSS ${
          mib(c.upload.spoolPeakRss - c.idleRss)
        } above idle while spooling. Spool directory afterwards: ${c.spoolLeft} file(s).`,
      ]
      : []),
    `First byte of the download: gateway ${
      secs(g.download.firstByteSeconds)
    }, direct ${secs(d.download.firstByteSeconds)}.`,
    `Gateway peak RSS growth over idle: ${
      mib(growth.bytes)
    } against a target of ${mib(growth.targetBytes)}: ` +
    `**${
      growth.met ? "met" : "not met"
    }**. Spool directory after the upload: ${g.spoolLeft} file(s).`,
    `Other processes on the machine used ${
      pct(result.othersCpu)
    } of its ${navigator.hardwareConcurrency} cores during the run.`,
    `Round trip intact (sha256 and a byte-by-byte comparison with the generated file): ` +
    `gateway ${integrity(g.intact, g.download)}, direct ${
      integrity(d.intact, d.download)
    }.`,
  ];
  if (!g.intact || !d.intact) {
    phases.push(
      "The damage comes from mtcute 0.30.3's uploadFile: it numbers a part before taking the lock that orders the reads, " +
        "and that lock (@fuman/utils AsyncLock) is not first-come first-served, so neighbouring parts can go out under " +
        "each other's numbers. It is not the gateway's doing, but it hits uploads through the gateway too.",
    );
  }
  return {
    title: "Files (issue 6)",
    markdown: [throughput, "", memory, "", ...phases.map((line) => `- ${line}`)]
      .join("\n"),
  };
}

/**
 * Runs the file benchmark; throws if a transfer fails or the wrong number of
 * bytes comes back. Altered contents are reported (`intact`), not thrown:
 * the figures stand either way, and the damage is worth seeing.
 */
export async function benchFiles(
  options: FilesOptions = {},
): Promise<FilesResult> {
  const size = Math.round((options.mib ?? (options.quick ? 20 : 200)) * MIB);
  // Generous, but bounded: 0.2 MiB/s, 100 times below a quiet run, as a
  // loaded shared machine can be.
  const timeoutMs = Math.max(120_000, size / MIB * 5_000);
  const file = new GeneratedFile(size);
  const wallStart = performance.now();
  const busyStart = machineBusySeconds();
  const selfStart = cpuSeconds("self");
  const dc: Dc = await startDc();
  let gateway: Gateway | undefined;
  let curlGateway: Gateway | undefined;
  let context: Awaited<ReturnType<typeof directContext>> | undefined;
  let client: TelegramClient | undefined;
  try {
    const userId = await createUser(dc);
    const gatewayBot = await createBot(dc, "files");
    const directBotAccount = await createBot(dc, "files");
    const gatewayArgs = [
      "--max-upload",
      String(size + MIB),
      "--request-timeout",
      String(Math.min(3600, Math.ceil(timeoutMs / 1000))),
      ...(options.fileGc === undefined
        ? []
        : ["--file-gc", String(options.fileGc)]),
    ];
    gateway = await startGateway({ dc, extraArgs: gatewayArgs });
    await startGatewayBot({ dc, gateway, bot: gatewayBot, userId });
    context = await directContext(dc);
    client = await directBot(context, directBotAccount);
    await startDirectBot({ dc, client, bot: directBotAccount, userId });

    const pids = {
      gateway: gateway.child.process.pid,
      emulator: dc.child.process.pid,
    };
    // Let start-up garbage settle before taking the idle figures.
    await sleep(1_000);
    const idleRss = rssBytes(pids.gateway);
    const emulatorIdle = rssBytes(pids.emulator);
    const hwmReset = resetHwm(pids.gateway);

    const gatewayUp = await gatewayUpload({
      gateway,
      bot: gatewayBot,
      userId,
      file,
      pids,
      timeoutMs,
    });
    const spoolLeft = await spoolFilesLeft(gateway);
    const gatewayDown = await gatewayDownload({
      gateway,
      bot: gatewayBot,
      userId,
      messageId: gatewayUp.messageId,
      file,
      pids,
      timeoutMs,
    });
    const hwmRss = hwmReset ? hwmBytes(pids.gateway) : NaN;
    await sleep(1_000);
    const afterRss = rssBytes(pids.gateway);

    const benchIdle = rssBytes("self");
    const directUp = await directUpload({
      client,
      userId,
      file,
      pids,
      timeoutMs,
    });
    const directDown = await directDownload({
      client,
      userId,
      messageId: directUp.messageId,
      file,
      pids,
      timeoutMs,
    });
    // A fresh gateway for curl, so its memory starts as cold as the first one's.
    const curlBot = await createBot(dc, "files");
    curlGateway = await startGateway({ dc, extraArgs: gatewayArgs });
    await startGatewayBot({ dc, gateway: curlGateway, bot: curlBot, userId });
    const curlPids = {
      gateway: curlGateway.child.process.pid,
      emulator: pids.emulator,
    };
    await sleep(1_000);
    const curlIdle = rssBytes(curlPids.gateway);
    const curlUp = await curlUpload({
      gateway: curlGateway,
      bot: curlBot,
      userId,
      file,
      pids: curlPids,
      timeoutMs,
    });
    const curlSpoolLeft = await spoolFilesLeft(curlGateway);

    const sent = gatewayUp.sha256;
    check("direct upload: sha256 of the generated file", directUp.sha256, sent);
    const intact = (received: Received) =>
      received.bytes === size && received.sha256 === sent &&
      received.damagedCount === 0;

    const peakRss = Math.max(
      gatewayUp.peakRss.gateway,
      gatewayDown.peakRss.gateway,
    );
    const growthBytes = peakRss - idleRss;
    const result = {
      bytes: size,
      gateway: {
        upload: gatewayUp,
        download: gatewayDown,
        idleRss,
        peakRss,
        hwmRss,
        afterRss,
        spoolLeft,
        intact: intact(gatewayDown),
      },
      direct: {
        idleRss: benchIdle,
        upload: directUp,
        download: directDown,
        intact: intact(directDown),
      },
      curl: curlUp && {
        upload: curlUp,
        idleRss: curlIdle,
        spoolLeft: curlSpoolLeft,
      },
      emulator: {
        idleRss: emulatorIdle,
        peakRss: Math.max(
          ...[gatewayUp, gatewayDown, directUp, directDown, curlUp].map((t) =>
            t?.peakRss.emulator ?? 0
          ),
        ),
        afterRss: rssBytes(pids.emulator),
      },
      // The gateway and the emulator started during the run: all their CPU counts.
      othersCpu: (machineBusySeconds() - busyStart -
        (cpuSeconds("self") - selfStart) - cpuSeconds(pids.gateway) -
        cpuSeconds(pids.emulator) - cpuSeconds(curlPids.gateway)) /
        ((performance.now() - wallStart) / 1000) /
        navigator.hardwareConcurrency,
      growth: {
        bytes: growthBytes,
        targetBytes: TARGET_GROWTH,
        met: growthBytes < TARGET_GROWTH,
      },
      summary: [] as string[],
    };
    result.summary.push(
      `Files (issue 6), ${mib(size)} up and down: gateway peak RSS ${
        mib(growthBytes)
      } above idle (target < ${mib(TARGET_GROWTH)}): ${
        growthBytes < TARGET_GROWTH ? "met" : "**not met**"
      }; throughput vs direct mtcute: upload ${
        ratio(gatewayUp.mibPerSecond / directUp.mibPerSecond)
      }, download ${ratio(gatewayDown.mibPerSecond / directDown.mibPerSecond)}${
        curlUp
          ? ` (\`curl -F\` upload ${
            ratio(curlUp.mibPerSecond / directUp.mibPerSecond)
          }, its fresh gateway ${
            mib(curlUp.peakRss.gateway - curlIdle)
          } above idle)`
          : ""
      }; round trip intact: gateway ${
        result.gateway.intact ? "yes" : "**no**"
      }, direct ${result.direct.intact ? "yes" : "**no**"}.`,
    );
    return { ...result, section: report(result) };
  } catch (error) {
    console.error(
      `--- gateway output ---\n${gateway?.child.output().slice(-4000)}\n` +
        `--- emulator output ---\n${dc.child.output().slice(-4000)}`,
    );
    throw error;
  } finally {
    if (context) await closeDirect(context, client ? [client] : []);
    for (const running of [gateway, curlGateway]) {
      if (!running) continue;
      await running.stop();
      await Deno.remove(running.dataDir, { recursive: true }).catch(() => {});
    }
    await dc.stop();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      quick: { type: "boolean" },
      mib: { type: "string" },
      json: { type: "string" },
      "file-gc": { type: "string" },
    },
  });
  const result = await benchFiles({
    quick: values.quick,
    mib: values.mib === undefined ? undefined : Number(values.mib),
    fileGc: values["file-gc"] === undefined
      ? undefined
      : Number(values["file-gc"]),
  });
  if (values.json) {
    const { section: _, ...figures } = result;
    await Deno.writeTextFile(values.json, JSON.stringify(figures, null, 2));
  }
  console.log(
    `## ${result.section.title}\n\n${result.section.markdown}\n\n${
      result.summary.map((line) => `- ${line}`).join("\n")
    }`,
  );
}
