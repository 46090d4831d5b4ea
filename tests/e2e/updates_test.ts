/** End to end: getUpdates long polling and webhooks, through the emulator. */
import { assert, assertEquals } from "../assert.ts";
import {
  messageTexts as texts,
  readJson,
  startGateway,
  withWorld,
} from "./harness.ts";
import type { WireUpdate as Update, World } from "./harness.ts";
import { signatureIsValid, startReceiver } from "./_receiver.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

function poll(
  world: World,
  query: string,
): Promise<{ status: number; body: unknown; errorType: string | null }> {
  return world.gateway.fetch(`/bot${world.bot.token}/getUpdates?${query}`).then(
    readJson,
  );
}

function say(world: World, text: string) {
  return world.dc.control("POST", "/messages", {
    from: world.userId,
    to: world.bot.id,
    text,
  });
}

async function login(world: World) {
  assertEquals(
    (await world.gateway.fetch(`/bot${world.bot.token}/getMe`).then(readJson))
      .status,
    200,
  );
}

/** getWebhookInfo once every delivered batch is confirmed (at most 5 s). */
async function settledWebhookInfo(world: World) {
  for (let i = 0;; i++) {
    const info = await world.gateway.fetch(
      `/bot${world.bot.token}/getWebhookInfo`,
    ).then((r) => r.json());
    if (info.pendingUpdateCount === 0 || i === 50) return info;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `poll` and resolves with its body and how many ms it took. */
async function timed(world: World, query: string) {
  const started = performance.now();
  const { body } = await poll(world, query);
  return { body, ms: performance.now() - started };
}

Deno.test(
  "getUpdates waits for a message, times out with [], and confirms by offset",
  options,
  () =>
    withWorld(async (world) => {
      await login(world);
      // Without a timeout a poll waits --poll-timeout (2 s here); timeout=0 answers at once;
      // MTKruto Server's positional timeout works too.
      const defaultWait = await timed(world, "");
      assertEquals(defaultWait.body, []);
      assert(
        defaultWait.ms >= 1_900 && defaultWait.ms < 5_000,
        `no timeout waited ${defaultWait.ms} ms`,
      );
      const noWait = await timed(world, "timeout=0");
      assertEquals(noWait.body, []);
      assert(noWait.ms < 1_000, `timeout=0 took ${noWait.ms} ms`);
      const positional = await timed(world, "1");
      assertEquals(positional.body, []);
      assert(
        positional.ms >= 900 && positional.ms < 1_900,
        `?1 waited ${positional.ms} ms`,
      );

      const started = performance.now();
      const waiting = poll(world, "timeout=20");
      await new Promise((resolve) => setTimeout(resolve, 300));
      await say(world, "first");
      const got = await waiting;
      assertEquals(texts(got.body), ["first"]);
      assert(
        performance.now() - started < 5_000,
        "the waiting poll answered promptly",
      );

      // Without offset, what the previous call returned counts as confirmed.
      const emptyStarted = performance.now();
      assertEquals((await poll(world, "timeout=1")).body, []);
      assert(
        performance.now() - emptyStarted >= 900,
        "timeout=1 waited about a second",
      );

      await say(world, "second");
      await say(world, "third");
      // A poll answers as soon as one update is there; polling again from its id
      // (which confirms nothing before it) gathers both.
      const firstBatch = (await poll(world, "timeout=5")).body as Update[];
      const offset = firstBatch[0].updateId;
      let pending = firstBatch;
      for (let i = 0; i < 20 && pending.length < 2; i++) {
        pending = (await poll(world, `offset=${offset}&timeout=1`))
          .body as Update[];
      }
      assertEquals(texts(pending), ["second", "third"]);
      // Unconfirmed updates come back.
      assertEquals(texts((await poll(world, `offset=${offset}`)).body), [
        "second",
        "third",
      ]);
      assertEquals(
        texts((await poll(world, `offset=${offset + 1}&limit=1`)).body),
        ["third"],
      );
      assertEquals(
        (await poll(world, `offset=${pending[1].updateId + 1}&timeout=0`)).body,
        [],
      );
      assert(
        pending[1].updateId > pending[0].updateId &&
          pending[0].updateId > (got.body as Update[])[0].updateId,
      );
    }, { gatewayArgs: ["--poll-timeout", "2"] }),
);

Deno.test(
  "a second getUpdates ends the first with 409, and so does a webhook",
  options,
  () =>
    withWorld(async (world) => {
      await login(world);
      const first = poll(world, "timeout=20");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = poll(world, "timeout=1");
      const ended = await first;
      assertEquals([ended.status, ended.errorType], [409, "conflict"]);
      assertEquals((await second).status, 200);

      const receiver = startReceiver();
      try {
        const set = await world.gateway.fetch(
          `/bot${world.bot.token}/setWebhook`,
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify([receiver.url]),
          },
        ).then(readJson);
        assertEquals(set.body, true);
        const refused = await poll(world, "timeout=1");
        assertEquals([refused.status, refused.errorType], [409, "conflict"]);
        assert(String(refused.body).includes("webhook"));
      } finally {
        await receiver.close();
      }
    }),
);

Deno.test(
  "bad update arguments are 400s",
  options,
  () =>
    withWorld(async (world) => {
      for (
        const query of [
          "timeout=-1",
          "limit=0",
          "limit=101",
          'allowedUpdates=["nope"]',
          // mtcute's update names are not update types any more.
          'allowedUpdates=["newMessage"]',
          "bogus=1",
        ]
      ) {
        const response = await poll(world, query);
        assertEquals([query, response.status, response.errorType], [
          query,
          400,
          "input",
        ]);
      }
      const ftp = await world.gateway.fetch(
        `/bot${world.bot.token}/setWebhook?"ftp://example.com/"`,
      ).then(readJson);
      assertEquals([ftp.status, ftp.errorType], [400, "input"]);
    }),
);

Deno.test(
  "webhooks deliver in order, signed, retry after failures, stop on delete and survive restarts",
  options,
  () =>
    withWorld(async (world) => {
      const receiver = startReceiver();
      const secret = "s3cr3t-token";
      const setWebhook = () =>
        world.gateway.fetch(`/bot${world.bot.token}/setWebhook`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify([receiver.url, { secretToken: secret }]),
        }).then(readJson);
      try {
        assertEquals((await setWebhook()).body, true);
        await say(world, "one");
        await receiver.until((d) => d.length >= 1);
        const [first] = receiver.deliveries;
        assertEquals(first.headers.get("x-mtkruto-secret-token"), secret);
        assert(await signatureIsValid(first, secret), "the signature verifies");
        assert(
          !(await signatureIsValid(first, "wrong")),
          "a wrong secret does not verify",
        );
        assertEquals(texts(first.updates), ["one"]);

        // The receiver fails for a while; everything arrives afterwards, in order.
        receiver.failNext(3);
        for (const text of ["two", "three", "four"]) await say(world, text);
        await receiver.until(
          (d) => d.flatMap((x) => texts(x.updates)).length >= 4,
          30_000,
        );
        assertEquals(receiver.deliveries.flatMap((d) => texts(d.updates)), [
          "one",
          "two",
          "three",
          "four",
        ]);
        // The receiver sees a batch before the gateway reads its 200 and confirms it.
        const info = await settledWebhookInfo(world);
        assertEquals(info.url, receiver.url);
        assertEquals(info.pendingUpdateCount, 0);
        assert(
          String(info.lastErrorMessage).includes("500"),
          `last error recorded: ${info.lastErrorMessage}`,
        );

        // The webhook survives a restart of the gateway.
        await world.gateway.stop();
        world.gateway = await startGateway({
          dc: world.dc,
          dataDir: world.gateway.dataDir,
        });
        await say(world, "after restart");
        await receiver.until((d) =>
          d.flatMap((x) => texts(x.updates)).includes("after restart")
        );
        // The boot that brought the webhook's client up is on /stats: one session, started.
        const { boot } = await world.gateway.stats() as {
          boot: { sessions: number; checked: number; started: number };
        };
        assertEquals([boot.sessions, boot.checked, boot.started], [1, 1, 1]);

        // deleteWebhook stops delivery at once. (First wait for the last batch's confirmation:
        // a batch still in flight when the webhook is deleted stays queued, by design.)
        assertEquals((await settledWebhookInfo(world)).pendingUpdateCount, 0);
        assertEquals(
          (await world.gateway.fetch(`/bot${world.bot.token}/deleteWebhook`)
            .then(readJson)).body,
          true,
        );
        const delivered = receiver.deliveries.length;
        await say(world, "not delivered");
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assertEquals(receiver.deliveries.length, delivered);
        assertEquals(texts((await poll(world, "timeout=5")).body), [
          "not delivered",
        ]);
      } finally {
        await receiver.close();
      }
    }),
);
