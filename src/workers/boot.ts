/** At server start: starts the clients whose sessions have a webhook or queued updates. */
import { clientKindOf } from "../http/route.ts";
import type { WorkerPool } from "./pool.ts";

/** Lists the client ids with a session file in `dataDir` (none if it does not exist yet). */
export async function listClientIds(dataDir: string): Promise<string[]> {
  const ids: string[] = [];
  try {
    for await (const entry of Deno.readDir(dataDir)) {
      const id = entry.name.endsWith(".sqlite")
        ? entry.name.slice(0, -".sqlite".length)
        : "";
      if (entry.isFile && clientKindOf(id)) ids.push(id);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return ids.sort();
}

/** Boots every client that must run without waiting for a request; returns how many started. */
export async function bootClients(
  pool: WorkerPool,
  dataDir: string,
  { timeoutMs }: { timeoutMs: number },
): Promise<number> {
  const results = await Promise.allSettled(
    (await listClientIds(dataDir)).map((id) =>
      pool.boot(
        clientKindOf(id) === "bot" ? { kind: "bot", id } : { kind: "user", id },
        { timeoutMs },
      )
    ),
  );
  for (const result of results) {
    if (result.status === "rejected") {
      console.error(
        `a client failed to start: ${result.reason?.message ?? result.reason}`,
      );
    }
  }
  return results.filter((result) =>
    result.status === "fulfilled" && result.value
  ).length;
}
