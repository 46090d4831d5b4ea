/** The mtcute platform for clients hosted in a worker: no process-wide hooks, quiet logs. */
import type { ICorePlatform } from "@mtcute/core";
import { VERSION } from "../version.ts";

const LEVEL_NAMES = ["", "ERR", "WRN", "INF", "DBG", "VRB"];

/** One per worker: mtcute's NodePlatform would install signal handlers per client. */
export class WorkerPlatform implements ICorePlatform {
  constructor(readonly logLevel: number) {}

  // Clients are closed by their host on shutdown, so nothing hooks process exit.
  beforeExit(_fn: () => void): () => void {
    return () => {};
  }

  log(
    _color: number,
    level: number,
    tag: string,
    fmt: string,
    args: unknown[],
  ): void {
    let index = 0;
    // mtcute's format: %s, %d, %h (hex), %b (bool), %j (json), %l (long), %e (error).
    const text = fmt.replace(/%[sdhbjle]/g, (spec) => {
      const arg = args[index++];
      if (spec === "%j") {
        try {
          return JSON.stringify(arg);
        } catch {
          return "[unserializable]";
        }
      }
      if (spec === "%e" && arg instanceof Error) {
        return arg.stack ?? arg.message;
      }
      return String(arg);
    });
    console.error(`[${LEVEL_NAMES[level] ?? level}] ${tag} ${text}`);
  }

  getDefaultLogLevel(): number | null {
    return this.logLevel;
  }

  getDeviceModel(): string {
    return `MTKruto Server ${VERSION} (Deno ${Deno.version.deno})`;
  }
}
