/** At server start: starts the clients whose sessions have a webhook or queued updates. */
import { clientKindOf, listClientIds } from "../client_id.ts";
import type { WorkerPool } from "./pool.ts";

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
