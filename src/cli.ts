/** Command-line flags → a validated server configuration. */
import { parseArgs } from "node:util";
import { VERSION } from "./version.ts";

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
  addUser: boolean;
  dataDir: string;
  dc?: DcAddress;
  /** Path of a PKCS#1 PEM public key of the custom DC. */
  dcKeyPath?: string;
  testMode: boolean;
  maxBodyBytes: number;
  /** Longest a single request may wait for its client, in seconds (long polls add their own timeout). */
  requestTimeout: number;
  /** mtcute's log level (0 = off … 5 = verbose). */
  logLevel: number;
}

/** What the command line asks for. */
export type CliCommand =
  | { kind: "serve"; config: ServerConfig }
  | { kind: "add-user"; config: ServerConfig }
  | { kind: "help" }
  | { kind: "version" };

/** A flag is missing or malformed; the message names it and says what was expected. */
export class CliError extends Error {
  override name = "CliError";
}

export const USAGE =
  `MTKruto Server ${VERSION}: run Telegram clients and drive them over HTTP.

Usage: mtkruto-server --api-id N --api-hash HASH [options]

Required:
  --api-id N            Telegram app API ID (a positive integer)
  --api-hash HASH       Telegram app API hash

Options:
  --port N              TCP port to accept connections on (default 8000)
  --hostname HOST       Interface to listen on (default 0.0.0.0)
  --workers N           Number of worker threads hosting clients, 1-64 (default 1)
  --stats PATH          Path of the statistics page (default /stats)
  --add-user            Log a user account in interactively and print its endpoint
  --data-dir DIR        Where sessions are kept (default ./mtkruto-data)
  --dc HOST:PORT        Connect to this MTProto server instead of Telegram's
  --dc-key FILE         PKCS#1 PEM public key of the --dc server
  --test                Use Telegram's test data centers
  --max-body BYTES      Largest accepted request body (default 52428800)
  --request-timeout S   Longest wait for a client's answer, in seconds (default 60)
  --log-level N         mtcute log level, 0 (off) to 5 (verbose) (default 1)
  --help                Show this help
  --version             Show the version`;

const FLAGS = {
  "api-id": { type: "string" },
  "api-hash": { type: "string" },
  port: { type: "string" },
  hostname: { type: "string" },
  workers: { type: "string" },
  stats: { type: "string" },
  "add-user": { type: "boolean" },
  "data-dir": { type: "string" },
  dc: { type: "string" },
  "dc-key": { type: "string" },
  test: { type: "boolean" },
  "max-body": { type: "string" },
  "request-timeout": { type: "string" },
  "log-level": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

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
    addUser: values["add-user"] ?? false,
    dataDir: values["data-dir"] ?? "mtkruto-data",
    dc: values.dc === undefined ? undefined : parseDc(values.dc),
    dcKeyPath: values["dc-key"],
    testMode: values.test ?? false,
    maxBodyBytes: integerFlag("max-body", values["max-body"], {
      min: 1024,
      max: 2 ** 40,
      fallback: 50 * 1024 * 1024,
    }),
    requestTimeout: integerFlag("request-timeout", values["request-timeout"], {
      min: 1,
      max: 3600,
      fallback: 60,
    }),
    logLevel: integerFlag("log-level", values["log-level"], {
      min: 0,
      max: 5,
      fallback: 1,
    }),
  };
  return { kind: config.addUser ? "add-user" : "serve", config };
}
