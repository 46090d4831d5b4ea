/** mtkruto-server: parses the command line, then serves HTTP or manages user accounts. */
import { join } from "node:path";
import { CliError, parseCli, readClientConfig, USAGE } from "./src/cli.ts";
import type { ServerConfig } from "./src/cli.ts";
import { defaultMaxConnections, serveGuarded } from "./src/http/connections.ts";
import type { GatewayServer } from "./src/http/connections.ts";
import { createGatewayHandler } from "./src/http/handler.ts";
import { describeListenError } from "./src/http/listen_error.ts";
import { configureFileGc } from "./src/reclaim.ts";
import {
  countOpenDescriptors,
  DescriptorBudget,
  openFileLimit,
  planDescriptors,
} from "./src/descriptors.ts";
import { ConnectionMetrics } from "./src/stats/connection_metrics.ts";
import { RequestMetrics } from "./src/stats/metrics.ts";
import { createStatsPages } from "./src/stats/page.ts";
import { VERSION } from "./src/version.ts";
import { bootClients, startBootProgress } from "./src/workers/boot.ts";
import { WorkerPool } from "./src/workers/pool.ts";

async function serve(config: ServerConfig): Promise<void> {
  configureFileGc(config.fileGc);
  const metrics = new RequestMetrics();
  const connections = new ConnectionMetrics();
  // Uploads left over by a crash are of no use to anyone.
  const uploadDir = join(config.dataDir, ".uploads");
  await Deno.remove(uploadDir, { recursive: true }).catch(() => {});
  const descriptors = new DescriptorBudget(
    planDescriptors(openFileLimit() ?? Infinity, config.workers),
  );
  const pool = await WorkerPool.start({
    size: config.workers,
    config: {
      ...await readClientConfig(config),
      descriptors: { plan: descriptors.plan, buffer: descriptors.buffer },
    },
    streamTimeoutMs: config.requestTimeout * 1000,
  });
  const boot = startBootProgress();
  const handler = createGatewayHandler({
    clients: pool,
    maxBodyBytes: config.maxBodyBytes,
    maxUploadBytes: config.maxUploadBytes,
    maxJsonDepth: config.maxJsonDepth,
    uploadDir,
    requestTimeoutMs: config.requestTimeout * 1000,
    pollTimeoutSeconds: config.pollTimeout,
    bodyTimeoutMs: config.bodyTimeout * 1000,
    onBodyTimeout: () => connections.bodyTimeouts++,
    metrics,
    pages: createStatsPages({
      path: config.statsPath,
      token: config.statsToken,
      clientSeries: config.statsClientSeries,
      source: {
        metrics,
        workers: () => pool.stats(),
        clients: () => pool.clientStats(),
        connections,
        boot,
        descriptors,
      },
    }),
  });
  let server: GatewayServer;
  try {
    server = serveGuarded({
      hostname: config.hostname,
      port: config.port,
      headerTimeoutMs: config.headerTimeout * 1000,
      keepAliveTimeoutMs: config.keepAliveTimeout * 1000,
      maxConnections: config.maxConnections ?? defaultMaxConnections(),
      descriptors,
      metrics: connections,
      onListen: ({ hostname, port }) => {
        console.log(
          `MTKruto Server ${VERSION} listening on http://${hostname}:${port}/ (${config.workers} worker(s))`,
        );
      },
    }, handler);
  } catch (error) {
    const message = describeListenError(error, {
      portFlag: "--port",
      port: config.port,
      hostname: config.hostname,
    });
    if (message === undefined) throw error;
    await pool.close();
    throw new CliError(message);
  }
  // The runtime's own, the workers' and the listener's: counted before any connection or client.
  descriptors.acquire(countOpenDescriptors() ?? 0);
  // In the background: requests are served while sessions with webhooks or queued updates come up.
  void bootClients(pool, config.dataDir, boot, {
    timeoutMs: config.requestTimeout * 1000,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("Shutting down…");
    await server.shutdown();
    await pool.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  await server.finished;
}

async function main(argv: string[]): Promise<number> {
  try {
    const command = parseCli(argv);
    switch (command.kind) {
      case "help":
        console.log(USAGE);
        return 0;
      case "version":
        console.log(VERSION);
        return 0;
      // The user commands load mtcute; imported on demand so serving never does.
      case "add-user": {
        const { addUser } = await import("./src/add_user/add_user.ts");
        return await addUser({
          config: await readClientConfig(command.config),
          exampleUrl: `http://localhost:${command.config.port}`,
        });
      }
      case "list-users": {
        const { listUsers } = await import("./src/add_user/users.ts");
        return await listUsers({ dataDir: command.dataDir });
      }
      case "remove-user": {
        const { removeUser } = await import("./src/add_user/users.ts");
        return await removeUser({
          config: await readClientConfig(command.config),
          userId: command.userId,
          force: command.force,
        });
      }
      case "serve":
        await serve(command.config);
        return 0;
    }
  } catch (error) {
    if (error instanceof CliError) {
      console.error(
        `error: ${error.message}\nRun mtkruto-server --help for usage.`,
      );
      return 2;
    }
    throw error;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
