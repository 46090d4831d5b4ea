/**
 * Issue 6: one large file up and back down through the gateway, against a
 * direct mtcute client on the same emulator.
 *
 * The gateway side posts a multipart `mtcute.sendMedia` whose body is generated on
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
import { parseArgs } from "node:util";
import type { TelegramClient } from "@mtcute/core/client.js";
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
import type { Dc, Gateway } from "./_world.ts";
import {
  cpuSeconds,
  machineBusySeconds,
  mib,
  ratio,
  rssBytes,
  sleep,
} from "./_stats.ts";
import {
  check,
  GeneratedFile,
  hwmBytes,
  MIB,
  type Received,
  resetHwm,
  spoolFilesLeft,
} from "./_files_measure.ts";
import {
  curlUpload,
  directDownload,
  directUpload,
  gatewayDownload,
  gatewayUpload,
} from "./_files_transfers.ts";
import { type FilesResult, report } from "./_files_report.ts";
import {
  gatewayProbes,
  getMeDuring,
  twoUploadsAtOnce,
} from "./_files_concurrency.ts";

export type { FilesResult };

/** The issue's target: the gateway's peak RSS stays this far above idle at most. */
const TARGET_GROWTH = 64 * MIB;

/** Options of `benchFiles`. */
export interface FilesOptions {
  /** 20 MiB instead of 200 MiB. */
  quick?: boolean;
  /** File size in MiB; overrides `quick`. */
  mib?: number;
  /** The gateways' `--file-gc` (MiB); their default when absent. */
  fileGc?: number;
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
    // Another client of the same gateway (and worker): its getMe runs during the upload.
    const otherBot = await createBot(dc, "files");
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
    await startGatewayBot({ dc, gateway, bot: otherBot, userId });
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

    const uploading = gateway;
    const { result: gatewayUp, getMe } = await getMeDuring(
      gatewayProbes(uploading, otherBot),
      () =>
        gatewayUpload({
          gateway: uploading,
          bot: gatewayBot,
          userId,
          file,
          pids,
          timeoutMs,
        }),
    );
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
    const stats = await gateway.stats();
    const reclaims = {
      front: stats.memory.fileGc,
      worker: stats.workers[0].fileGc,
    };
    await sleep(1_000);
    const afterRss = rssBytes(pids.gateway);
    const twoUploads = await twoUploadsAtOnce({
      gateway,
      bots: [gatewayBot, otherBot],
      userId,
      file,
      pids,
      timeoutMs,
      idleRss,
    });
    const twoUploadsSpoolLeft = await spoolFilesLeft(gateway);

    const benchIdle = rssBytes("self");
    const direct = client;
    // The same client's getMe during its own upload: the share of the latency the gateway does not add.
    const { result: directUp, getMe: directGetMe } = await getMeDuring(
      { getMe: () => direct.getMe() },
      () => directUpload({ client: direct, userId, file, pids, timeoutMs }),
    );
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
    const curlOtherBot = await createBot(dc, "files");
    await startGatewayBot({
      dc,
      gateway: curlGateway,
      bot: curlOtherBot,
      userId,
    });
    const curlPids = {
      gateway: curlGateway.child.process.pid,
      emulator: pids.emulator,
    };
    await sleep(1_000);
    const curlIdle = rssBytes(curlPids.gateway);
    const curlUploading = curlGateway;
    const { result: curlUp, getMe: curlGetMe } = await getMeDuring(
      gatewayProbes(curlUploading, curlOtherBot),
      () =>
        curlUpload({
          gateway: curlUploading,
          bot: curlBot,
          userId,
          file,
          pids: curlPids,
          timeoutMs,
        }),
    );
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
        getMe,
        reclaims,
        twoUploads: { ...twoUploads, spoolLeft: twoUploadsSpoolLeft },
      },
      direct: {
        idleRss: benchIdle,
        upload: directUp,
        download: directDown,
        getMe: directGetMe,
        intact: intact(directDown),
      },
      curl: curlUp && {
        upload: curlUp,
        idleRss: curlIdle,
        spoolLeft: curlSpoolLeft,
        getMe: curlGetMe,
      },
      emulator: {
        idleRss: emulatorIdle,
        peakRss: Math.max(
          ...[
            gatewayUp,
            gatewayDown,
            directUp,
            directDown,
            curlUp,
            ...twoUploads.uploads,
          ].map((t) => t?.peakRss.emulator ?? 0),
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
      `Files (issues 6, 19), ${mib(size)} up and down: gateway peak RSS ${
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
      }; two uploads at once on one worker ${
        twoUploads.uploads.map((upload) =>
          ratio(upload.mibPerSecond / directUp.mibPerSecond)
        ).join(" and ")
      } (peak ${
        mib(twoUploads.peakRss - idleRss)
      } above idle); another client's getMe p50/p99 ${
        getMe.during.p50.toFixed(1)
      }/${getMe.during.p99.toFixed(1)} ms during the upload vs ${
        getMe.idle.p50.toFixed(1)
      }/${getMe.idle.p99.toFixed(1)} ms idle; first download byte ${
        (gatewayDown.firstByteSeconds * 1000).toFixed(0)
      } ms; round trip intact: gateway ${
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
