/** The file benchmark's report: its result type and the markdown tables. */
import { mib, pct, ratio, table } from "./_stats.ts";
import type { Section } from "./_stats.ts";
import {
  type GatewayUploadPhases,
  MIB,
  type Received,
  type Transfer,
} from "./_files_measure.ts";
import type { GetMeDuring, TwoUploads } from "./_files_concurrency.ts";
import type { FileGcFigures } from "../../src/reclaim.ts";

/** The sentence on another client's getMe (and the front's own 404) during an upload. */
function getMeLine(during: string, figures: GetMeDuring): string {
  const f = (value: number) => value.toFixed(1);
  const { idle, during: busy, frontIdle, frontDuring } = figures;
  return `Another client's getMe (one call at a time, 5 ms apart) during ${during}: p50 ${
    f(busy.p50)
  } ms, p99 ${f(busy.p99)} ms, max ${
    f(busy.max)
  } ms over ${busy.count} calls; ` +
    `idle just before: p50 ${f(idle.p50)} ms, p99 ${f(idle.p99)} ms (p99 +${
      f(busy.p99 - idle.p99)
    } ms). A request only the front answers (a 404), in the same loop: p50/p99 ${
      f(frontDuring.p50)
    }/${f(frontDuring.p99)} ms during, ${f(frontIdle.p50)}/${
      f(frontIdle.p99)
    } ms idle.`;
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
    /** Another client's getMe at idle and during the upload. */
    getMe: GetMeDuring;
    /** `--file-gc` collections over the round trip, and the ms they and the malloc trims took. */
    reclaims: Record<"front" | "worker", FileGcFigures>;
    /** Two uploads at once (after the round trip), and the spool files left after them. */
    twoUploads: TwoUploads & { spoolLeft: number };
  };
  direct: {
    /** RSS of the benchmark process before the direct transfers. */
    idleRss: number;
    upload: Transfer;
    download: Transfer & Received;
    /** Its own getMe at idle and during its upload. */
    getMe: GetMeDuring;
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
    /** Another client's getMe at idle and during the curl upload. */
    getMe: GetMeDuring;
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

/** The markdown section of a file benchmark run. */
export function report(result: Omit<FilesResult, "section">): Section {
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
    } MiB/s from the end of the spool to the answer; the upload to Telegram starts once 10 MiB are spooled, so the two overlap). ` +
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
    `Two uploads at once on one worker (after the round trip): ${
      g.twoUploads.uploads.map((upload) =>
        `${mibps(upload.mibPerSecond)} MiB/s (${
          ratio(upload.mibPerSecond / d.upload.mibPerSecond)
        } of the direct upload)`
      ).join(" and ")
    }; the gateway's RSS peaked ${
      mib(g.twoUploads.peakRss - g.twoUploads.idleRss)
    } above idle; spool files left: ${g.twoUploads.spoolLeft}.`,
    getMeLine("the gateway upload (chunked body from fetch)", g.getMe),
    ...(c ? [getMeLine("the `curl -F` upload (Content-Length)", c.getMe)] : []),
    `The direct mtcute client's own getMe during its upload (the emulator's share): p50 ${
      d.getMe.during.p50.toFixed(1)
    } ms, p99 ${
      d.getMe.during.p99.toFixed(1)
    } ms over ${d.getMe.during.count} calls; idle p50 ${
      d.getMe.idle.p50.toFixed(1)
    } ms, p99 ${d.getMe.idle.p99.toFixed(1)} ms.`,
    `Reclaims over the round trip (\`--file-gc\`): front ${g.reclaims.front.collections} collections, ${g.reclaims.front.ms} ms with the malloc trims; worker ${g.reclaims.worker.collections} collections, ${g.reclaims.worker.ms} ms.`,
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
