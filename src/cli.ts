/** Command-line flags → a validated server configuration. */
import { parseArgs } from "node:util";
import { readUserIdArgument } from "./client_id.ts";
import {
  DEFAULT_POLL_TIMEOUT_SECONDS,
  MAX_POLL_TIMEOUT_SECONDS,
} from "./gateway_methods.ts";
import { DEFAULT_FILE_GC_MIB } from "./reclaim.ts";
import { MAX_CLIENT_LIMIT } from "./stats/query.ts";
import { VERSION } from "./version.ts";
import type { WorkerConfig } from "./workers/protocol.ts";

/** Where to reach a custom MTProto server (e.g. the DC emulator). */
export interface DcAddress {
  host: string;
  port: number;
}

/** Everything the flags decide, validated. */
export interface ServerConfig {
  apiId: number;
  apiHash: string;
  hostname: string;
  port: number;
  workers: number;
  statsPath: string;
  /** When set, the stats pages need this token (`--stats-token`); they are public otherwise. A secret: never log it. */
  statsToken?: string;
  /** Per-client Prometheus series for this many of the busiest clients (`--stats-client-series`; 0: aggregates only). */
  statsClientSeries: number;
  addUser: boolean;
  dataDir: string;
  dc?: DcAddress;
  /** Path of a PKCS#1 PEM public key of the custom DC. */
  dcKeyPath?: string;
  testMode: boolean;
  maxBodyBytes: number;
  /** Deepest nesting of arrays and objects accepted in JSON arguments. */
  maxJsonDepth: number;
  /** Largest multipart (upload) body, files included. */
  maxUploadBytes: number;
  /** Longest a single request may wait for its client, in seconds (long polls add their own timeout). */
  requestTimeout: number;
  /** Seconds without calls after which a client is unloaded (0: never). */
  idleTimeout: number;
  /** Seconds getUpdates without a timeout waits for an update. */
  pollTimeout: number;
  /** MiB of file data a thread moves between two garbage collections (0: leave it to V8). */
  fileGc: number;
  /** Seconds a new connection may take to send its first request's complete headers (0: no limit). */
  headerTimeout: number;
  /** Seconds a kept-alive connection may take to send its next request's complete headers (0: no limit). */
  keepAliveTimeout: number;
  /** Seconds a request body may stall before a 408 (0: no limit). */
  bodyTimeout: number;
  /** Most connections open at once (0: no limit); undefined: derived from the open-file limit when serving. */
  maxConnections?: number;
  /** mtcute's log level (0 = off … 5 = verbose). */
  logLevel: number;
}

/** What the command line asks for. */
export type CliCommand =
  | { kind: "serve"; config: ServerConfig }
  | { kind: "add-user"; config: ServerConfig }
  | { kind: "list-users"; dataDir: string }
  | {
    kind: "remove-user";
    config: ServerConfig;
    /** The user id to remove (a credential: never log it). */
    userId: string;
    /** Delete the session file even when Telegram cannot log it out. */
    force: boolean;
  }
  | { kind: "help" }
  | { kind: "version" };

/** A flag is missing or malformed; the message names it and says what was expected. */
export class CliError extends Error {
  override name = "CliError";
}

export const USAGE =
  `MTKruto Server ${VERSION}: run Telegram clients and drive them over HTTP.

Usage: mtkruto-server --api-id N --api-hash HASH [options]
       mtkruto-server --api-id N --api-hash HASH --add-user [--data-dir DIR]
       mtkruto-server --list-users [--data-dir DIR]
       mtkruto-server --api-id N --api-hash HASH --remove-user USER-ID [--force]

Required:
  --api-id N            Telegram app API ID (a positive integer)
  --api-hash HASH       Telegram app API hash

Options:
  --port N              TCP port to accept connections on (default 8000)
  --hostname HOST       Interface to listen on (default 0.0.0.0)
  --workers N           Number of worker threads hosting clients, 1-64 (default 1)
  --stats PATH          Path of the statistics page (default /stats)
  --stats-token TOKEN   Require this token for the statistics (default: public)
  --stats-client-series N
                        Also give the N busiest clients their own series in the
                        Prometheus metrics, 0-500; 0 = the gateway's totals only
                        (default 0)
  --add-user            Log a user account in interactively and print its endpoint
  --list-users          List the user endpoints in --data-dir (no --api-id needed)
  --remove-user ID      Log a user endpoint's session out and delete it
  --force               With --remove-user: delete it even if Telegram is unreachable
  --data-dir DIR        Where sessions are kept (default ./mtkruto-data)
  --dc HOST:PORT        Connect to this MTProto server instead of Telegram's
  --dc-key FILE         PKCS#1 PEM public key of the --dc server
  --test                Use Telegram's test data centers
  --max-body BYTES      Largest accepted JSON body (default 10485760)
  --max-upload BYTES    Largest accepted multipart upload (default 2147483648)
  --max-json-depth N    Deepest nesting of arrays and objects in arguments (default 64)
  --request-timeout S   Longest wait for a client's answer, in seconds (default 60)
  --poll-timeout S      How long getUpdates without a timeout waits for an update,
                        in seconds (default 60)
  --idle-timeout S      Unload a client after this many seconds without calls,
                        unless it has a webhook or queued updates; 0 = never (default 900)
  --file-gc MIB         Collect garbage once a thread's buffers grew by MIB during
                        file transfers, keeping their memory low at some speed;
                        0 = leave it to V8 (default 16)
  --log-level N         mtcute log level, 0 (off) to 5 (verbose) (default 1)
  --header-timeout S    Close a new connection that has not sent complete request
                        headers within S seconds; 0 = never (default 10)
  --keepalive-timeout S
                        Close a kept-alive connection whose next request's headers
                        are not complete S seconds after its previous answer;
                        0 = never (default 75)
  --body-timeout S      Answer 408 and close when a request body stalls for S seconds;
                        0 = never (default 30)
  --max-connections N   Most connections open at once; more are refused with a 503;
                        0 = no limit (default: half the open-file limit, at most 10000)
  --help                Show this help
  --version             Show the version`;

const FLAGS = {
  "api-id": { type: "string" },
  "api-hash": { type: "string" },
  port: { type: "string" },
  hostname: { type: "string" },
  workers: { type: "string" },
  stats: { type: "string" },
  "stats-token": { type: "string" },
  "stats-client-series": { type: "string" },
  "add-user": { type: "boolean" },
  "list-users": { type: "boolean" },
  "remove-user": { type: "string" },
  force: { type: "boolean" },
  "data-dir": { type: "string" },
  dc: { type: "string" },
  "dc-key": { type: "string" },
  test: { type: "boolean" },
  "max-body": { type: "string" },
  "max-upload": { type: "string" },
  "max-json-depth": { type: "string" },
  "request-timeout": { type: "string" },
  "idle-timeout": { type: "string" },
  "poll-timeout": { type: "string" },
  "file-gc": { type: "string" },
  "log-level": { type: "string" },
  "header-timeout": { type: "string" },
  "keepalive-timeout": { type: "string" },
  "body-timeout": { type: "string" },
  "max-connections": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

const DATA_DIR = "mtkruto-data";

function integerFlag(
  name: string,
  raw: string | undefined,
  { min, max, fallback }: { min: number; max: number; fallback?: number },
): number {
  if (raw === undefined) {
    if (fallback === undefined) {
      throw new CliError(
        `Missing --${name}: expected an integer from ${min} to ${max}`,
      );
    }
    return fallback;
  }
  const value = Number(raw);
  if (
    !/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min ||
    value > max
  ) {
    throw new CliError(
      `Invalid --${name}: expected an integer from ${min} to ${max}, got ${
        JSON.stringify(raw)
      }`,
    );
  }
  return value;
}

function parseDc(raw: string): DcAddress {
  const match = raw.match(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new CliError(
      `Invalid --dc: expected HOST:PORT (e.g. 127.0.0.1:4430), got ${
        JSON.stringify(raw)
      }`,
    );
  }
  return { host: match[1].replace(/^\[|\]$/g, ""), port };
}

function parseStatsPath(raw: string): string {
  if (!/^\/[A-Za-z0-9._~\-\/]*$/.test(raw) || raw === "/") {
    throw new CliError(
      `Invalid --stats: expected a path such as /stats, got ${
        JSON.stringify(raw)
      }`,
    );
  }
  return raw.replace(/\/+$/, "");
}

/** Shortest accepted --stats-token: a shorter one could be guessed over HTTP. */
const MIN_STATS_TOKEN = 16;

function parseStatsToken(raw: string): string {
  // The value is not repeated: it is a secret.
  if (
    !/^[\x21-\x7e]+$/.test(raw) || raw.length < MIN_STATS_TOKEN ||
    raw.length > 256
  ) {
    throw new CliError(
      `Invalid --stats-token: expected ${MIN_STATS_TOKEN} to 256 visible ASCII characters without spaces ` +
        `(e.g. from \`openssl rand -hex 16\`), got ${raw.length} character(s)`,
    );
  }
  return raw;
}

/** Parses the command line; throws `CliError` naming the first bad flag. */
export function parseCli(argv: string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: FLAGS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // node:util's messages name the flag already; keep only their first sentence.
    throw new CliError(String((error as Error).message).split("\n")[0]);
  }
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const userCommands = [
    values["add-user"] && "--add-user",
    values["list-users"] && "--list-users",
    values["remove-user"] !== undefined && "--remove-user",
  ].filter(Boolean);
  if (userCommands.length > 1) {
    throw new CliError(
      `Conflicting flags ${
        userCommands.join(" and ")
      }: give one of --add-user, --list-users and --remove-user`,
    );
  }
  if (values.force && values["remove-user"] === undefined) {
    throw new CliError(
      "Invalid --force: it only makes sense together with --remove-user USER-ID",
    );
  }
  // Listing reads the data directory only, so it needs no Telegram app credentials.
  if (values["list-users"]) {
    return { kind: "list-users", dataDir: values["data-dir"] ?? DATA_DIR };
  }

  const apiId = integerFlag("api-id", values["api-id"], {
    min: 1,
    max: 2 ** 31 - 1,
  });
  const apiHash = values["api-hash"]?.trim();
  if (!apiHash) {
    throw new CliError(
      "Missing --api-hash: expected the API hash of your Telegram app",
    );
  }
  if (values["dc-key"] !== undefined && values.dc === undefined) {
    throw new CliError(
      "Invalid --dc-key: it only makes sense together with --dc HOST:PORT",
    );
  }
  const config: ServerConfig = {
    apiId,
    apiHash,
    hostname: values.hostname ?? "0.0.0.0",
    port: integerFlag("port", values.port, {
      min: 0,
      max: 65535,
      fallback: 8000,
    }),
    workers: integerFlag("workers", values.workers, {
      min: 1,
      max: 64,
      fallback: 1,
    }),
    statsPath: parseStatsPath(values.stats ?? "/stats"),
    statsToken: values["stats-token"] === undefined
      ? undefined
      : parseStatsToken(values["stats-token"]),
    // Bounded like a page of the stats JSON: a scrape must stay cheap at 10,000 clients.
    statsClientSeries: integerFlag(
      "stats-client-series",
      values["stats-client-series"],
      { min: 0, max: MAX_CLIENT_LIMIT, fallback: 0 },
    ),
    addUser: values["add-user"] ?? false,
    dataDir: values["data-dir"] ?? DATA_DIR,
    dc: values.dc === undefined ? undefined : parseDc(values.dc),
    dcKeyPath: values["dc-key"],
    testMode: values.test ?? false,
    maxBodyBytes: integerFlag("max-body", values["max-body"], {
      min: 1024,
      max: 2 ** 31,
      fallback: 10 * 1024 * 1024,
    }),
    maxUploadBytes: integerFlag("max-upload", values["max-upload"], {
      min: 1024,
      max: 2 ** 42,
      fallback: 2 * 1024 * 1024 * 1024,
    }),
    // Far past any TL object's nesting, far below what crossing to a worker thread can copy.
    maxJsonDepth: integerFlag("max-json-depth", values["max-json-depth"], {
      min: 4,
      max: 1000,
      fallback: 64,
    }),
    requestTimeout: integerFlag("request-timeout", values["request-timeout"], {
      min: 1,
      max: 3600,
      fallback: 60,
    }),
    pollTimeout: integerFlag("poll-timeout", values["poll-timeout"], {
      min: 1,
      max: MAX_POLL_TIMEOUT_SECONDS,
      fallback: DEFAULT_POLL_TIMEOUT_SECONDS,
    }),
    idleTimeout: integerFlag("idle-timeout", values["idle-timeout"], {
      min: 0,
      max: 7 * 24 * 3600,
      fallback: 900,
    }),
    fileGc: integerFlag("file-gc", values["file-gc"], {
      min: 0,
      max: 1024,
      fallback: DEFAULT_FILE_GC_MIB,
    }),
    logLevel: integerFlag("log-level", values["log-level"], {
      min: 0,
      max: 5,
      fallback: 1,
    }),
    headerTimeout: integerFlag("header-timeout", values["header-timeout"], {
      min: 0,
      max: 3600,
      fallback: 10,
    }),
    keepAliveTimeout: integerFlag(
      "keepalive-timeout",
      values["keepalive-timeout"],
      { min: 0, max: 3600, fallback: 75 },
    ),
    bodyTimeout: integerFlag("body-timeout", values["body-timeout"], {
      min: 0,
      max: 3600,
      fallback: 30,
    }),
    maxConnections: values["max-connections"] === undefined
      ? undefined
      : integerFlag("max-connections", values["max-connections"], {
        min: 0,
        max: 1_000_000,
      }),
  };
  if (values["remove-user"] !== undefined) {
    return {
      kind: "remove-user",
      config,
      userId: parseUserIdFlag(values["remove-user"]),
      force: values.force ?? false,
    };
  }
  return { kind: config.addUser ? "add-user" : "serve", config };
}

function parseUserIdFlag(raw: string): string {
  const userId = readUserIdArgument(raw);
  // The value is not repeated: it may be a real user id, which is a credential.
  if (!userId) {
    throw new CliError(
      "Invalid --remove-user: expected a user id as printed by --add-user or " +
        '--list-users: "user" followed by 22 to 64 characters of A-Z, a-z, 0-9, _ and -',
    );
  }
  return userId;
}

/** Reads what clients need from the flags, including the --dc-key file; throws CliError if it is unreadable. */
export async function readClientConfig(
  config: ServerConfig,
): Promise<WorkerConfig> {
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
    idleTimeoutMs: config.idleTimeout * 1000,
    pollTimeoutSeconds: config.pollTimeout,
    fileGcMib: config.fileGc,
  };
}
