/**
 * The patch on mtcute's network manager against mtcute's own retry: a DC
 * whose creation keeps failing fails its call after a few tries instead of
 * retrying at once forever.
 */
import { assertEquals, assertRejects } from "../assert.ts";
import {
  createHostContext,
  createTelegramClient,
} from "../../src/telegram/client_factory.ts";
import { MAX_DC_CREATION_TRIES } from "../../src/telegram/dc_creation_patch.ts";

interface NetworkLike {
  _dcConnections: Map<number, unknown>;
  _findDcOptions(dcId: number): Promise<unknown>;
  _getOtherDc(dcId: number): Promise<unknown>;
}

Deno.test("a DC that cannot be created fails its call after a few tries", async () => {
  const dataDir = await Deno.makeTempDir();
  try {
    const context = await createHostContext({
      apiId: 1,
      apiHash: "x",
      dataDir,
      testMode: false,
      logLevel: 0,
    });
    const client = createTelegramClient(`${dataDir}/a.session`, context);
    const network =
      (client as unknown as { _client: { mt: { network: NetworkLike } } })
        ._client.mt.network;
    // The patch's own look-up succeeds; mtcute's, inside the creation, fails.
    let lookups = 0;
    network._findDcOptions = (dcId) => {
      lookups++;
      // Unpatched, mtcute would retry forever: end its loop so the test fails instead of hanging.
      if (lookups > 100) network._dcConnections.set(dcId, "looped");
      if (lookups % 2 === 1) return Promise.resolve({});
      return Promise.reject(new Error(`no route to DC ${dcId}`));
    };
    const error = await assertRejects(network._getOtherDc(4), Error);
    assertEquals(
      error.message,
      `Could not connect to DC 4 after ${MAX_DC_CREATION_TRIES} tries`,
    );
    assertEquals(lookups, 2 * MAX_DC_CREATION_TRIES);
    // A later call starts over instead of failing at once.
    await assertRejects(network._getOtherDc(4), Error);
    assertEquals(lookups, 4 * MAX_DC_CREATION_TRIES);
    await client.destroy();
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
