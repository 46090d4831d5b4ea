/** mtkruto-server: parses the command line, then serves HTTP or adds a user. */
import { CliError, parseCli, USAGE } from "./src/cli.ts";
import type { ServerConfig } from "./src/cli.ts";
import { createGatewayHandler } from "./src/http/handler.ts";
import { createStatsPage } from "./src/stats/page.ts";
import { VERSION } from "./src/version.ts";
import { WorkerPool } from "./src/workers/pool.ts";
import type { WorkerConfig } from "./src/workers/protocol.ts";

async function workerConfig(config: ServerConfig): Promise<WorkerConfig> {
  let dcKeyPem: string | undefined;
  if (config.dcKeyPath) {
    try {
      dcKeyPem = await Deno.readTextFile(config.dcKeyPath);
    } catch (error) {
      throw new CliError(
        `Invalid --dc-key: cannot read ${config.dcKeyPath}: ${
          (error as Error).message
        }`,
      );
    }
    if (!dcKeyPem.includes("-----BEGIN RSA PUBLIC KEY-----")) {
      throw new CliError(
        `Invalid --dc-key: ${config.dcKeyPath} is not a PKCS#1 PEM public key`,
      );
    }
  }
  return {
    apiId: config.apiId,
    apiHash: config.apiHash,
    dataDir: config.dataDir,
    dc: config.dc,
    dcKeyPem,
    testMode: config.testMode,
    logLevel: config.logLevel,
  };
}

async function serve(config: ServerConfig): Promise<void> {
  const pool = await WorkerPool.start({
    size: config.workers,
    config: await workerConfig(config),
  });
  const handler = createGatewayHandler({
    clients: pool,
    maxBodyBytes: config.maxBodyBytes,
    requestTimeoutMs: config.requestTimeout * 1000,
    pages: {
      [config.statsPath]: createStatsPage({ workers: () => pool.stats() }),
    },
  });
  const server = Deno.serve({
    hostname: config.hostname,
    port: config.port,
    onListen: ({ hostname, port }) => {
      console.log(
        `MTKruto Server ${VERSION} listening on http://${hostname}:${port}/ (${config.workers} worker(s))`,
      );
    },
  }, handler);
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
      case "add-user":
        console.error("--add-user is not available yet in this build.");
        return 2;
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
