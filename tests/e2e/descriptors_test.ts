/**
 * End to end: a gateway under a small `ulimit -n` refuses new clients and
 * connections with 503s before it runs out of descriptors (Deno panics when
 * it does, and every hosted client dies with it), and serves what it hosts
 * throughout.
 */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { readJson, startDc, startGateway } from "./harness.ts";
import type { Bot, Gateway } from "./harness.ts";
import { openDescriptors } from "../bench/_proc.ts";

const options = { sanitizeOps: false, sanitizeResources: false };
const LIMIT = 140;
const BOTS = 90;

/** The descriptors the gateway process has open, as the kernel counts them. */
function openFiles(gateway: Gateway): number {
  return openDescriptors(gateway.child.process.pid);
}

interface Descriptors {
  limit: number;
  inUse: number;
  reserved: number;
  ceilings: { client: number; transfer: number; connection: number };
}

async function descriptorStats(gateway: Gateway): Promise<Descriptors> {
  return (await gateway.stats() as unknown as { descriptors: Descriptors })
    .descriptors;
}

/** Opens a raw connection and says whether it was refused at once (and with what) or left waiting for a request. */
async function rawConnection(
  gateway: Gateway,
): Promise<{ conn: Deno.TcpConn; refusal?: string }> {
  const { hostname, port } = new URL(gateway.url);
  const conn = await Deno.connect({ hostname, port: Number(port) });
  const buffer = new Uint8Array(1024);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = await Promise.race([
    conn.read(buffer),
    new Promise<"silent">((resolve) =>
      timer = setTimeout(() => resolve("silent"), 1_500)
    ),
  ]);
  clearTimeout(timer);
  if (read === "silent") return { conn };
  return {
    conn,
    refusal: new TextDecoder().decode(buffer.subarray(0, read ?? 0)),
  };
}

Deno.test(
  "descriptors: near `ulimit -n` new clients and connections get 503s, hosted clients keep working, and the gateway never runs out",
  options,
  async () => {
    const dc = await startDc();
    let gateway: Gateway | undefined;
    const conns: Deno.TcpConn[] = [];
    try {
      const bots: Bot[] = [];
      for (let i = 0; i < BOTS; i++) {
        bots.push(
          await dc.control<Bot>("POST", "/bots", { username: `fd${i}_bot` }),
        );
      }
      // Raw connections below wait for their requests' headers throughout.
      gateway = await startGateway({
        dc,
        openFileLimit: LIMIT,
        extraArgs: ["--header-timeout", "120"],
      });
      const gw = gateway;
      const before = await descriptorStats(gw);
      assertEquals(before.limit, LIMIT);

      // Logins, eight at a time: each is served or refused, never failed otherwise.
      const served: Bot[] = [];
      const refusals: string[] = [];
      for (let i = 0; i < bots.length; i += 8) {
        await Promise.all(
          bots.slice(i, i + 8).map(async (bot) => {
            const answer = await readJson(
              await gw.fetch(`/bot${bot.token}/getMe`),
            );
            if (answer.status === 200) served.push(bot);
            else {
              assertEquals([answer.status, answer.errorType], [
                503,
                "unavailable",
              ]);
              refusals.push(answer.body as string);
            }
          }),
        );
      }
      assert(served.length > 0, "no client started");
      assert(refusals.length > 0, `all ${BOTS} clients started`);
      for (const refusal of refusals) {
        assertMatch(
          refusal,
          new RegExp(
            `^Too many open files to start another client: \\d+ in use and \\d+ set aside .* of the ${LIMIT} that \`ulimit -n\` allows`,
          ),
        );
      }
      const full = await descriptorStats(gw);
      assert(
        full.inUse <= full.ceilings.client + 1,
        `counted ${full.inUse}, clients stop at ${full.ceilings.client}`,
      );
      // What is counted and set aside covers what the process really holds.
      const real = openFiles(gw);
      assert(
        real <= full.inUse + full.reserved,
        `${real} open, ${full.inUse} counted + ${full.reserved} set aside`,
      );

      // Connections: the first ones past the clients' ceiling are served, then each is refused at once.
      const refused: string[] = [];
      while (refused.length === 0 && conns.length < LIMIT) {
        const batch = await Promise.all(
          Array.from({ length: 16 }, () => rawConnection(gw)),
        );
        for (const { conn, refusal } of batch) {
          conns.push(conn);
          if (refusal !== undefined) refused.push(refusal);
        }
      }
      assert(refused.length > 0, `${conns.length} connections, none refused`);
      for (const refusal of refused) {
        assertMatch(refusal, /^HTTP\/1.1 503 Service Unavailable\r\n/);
        assertMatch(refusal, /x-error-type: unavailable\r\n/);
        assertMatch(
          refusal,
          /"Too many open files \(`ulimit -n`\) to accept another connection; retry later"$/,
        );
      }
      assert(
        openFiles(gw) < LIMIT,
        `${openFiles(gw)} of ${LIMIT} open`,
      );
      for (const conn of conns.splice(0)) conn.close();

      // The hosted clients were never at risk: they answer, and the stats say where the count went.
      for (const bot of served) {
        assertEquals(
          (await readJson(await gw.fetch(`/bot${bot.token}/getMe`))).status,
          200,
        );
      }
      const after = await descriptorStats(gw);
      assert(
        after.inUse < after.ceilings.connection,
        `${after.inUse} still counted after the connections closed`,
      );
      assert(!gw.child.output().includes("panicked"), gw.child.output());
    } catch (error) {
      console.error(`--- gateway output ---\n${gateway?.child.output()}`);
      throw error;
    } finally {
      for (const conn of conns) conn.close();
      await gateway?.stop();
      if (gateway) await Deno.remove(gateway.dataDir, { recursive: true });
      await dc.stop();
    }
  },
);
