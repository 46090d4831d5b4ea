import { assertEquals, assertRejects } from "../assert.ts";
import {
  Client,
  ConflictError,
  runPolling,
  UpdateHandlerError,
  type UpdateHandlers,
} from "../../client/mod.ts";
import {
  botEndpoint,
  gatewayError,
  json,
  type Received,
  withFakeServer,
} from "./_fake_server.ts";

/** A text message as MTKruto renders it, reduced to what the tests read. */
function textMessage(id: number, text = "hi") {
  return {
    type: "text",
    id,
    chat: { id: 5, type: "private" },
    date: 1704067200,
    text,
  };
}

/** A getUpdates that serves `queue` by offset, answering [] after a short wait when nothing is left. */
function fakeQueue(queue: Record<string, unknown>[]) {
  return async (req: Received) => {
    const [params = {}] = JSON.parse(req.text) as [
      { offset?: number; limit?: number },
    ];
    const pending = queue.filter((u) =>
      (u.updateId as number) >= (params.offset ?? 0)
    );
    if (!pending.length) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return json(pending.slice(0, params.limit ?? 100));
  };
}

function sentParams(received: Received[]) {
  return received.map((r) => JSON.parse(r.text)[0]);
}

Deno.test("runPolling() runs handlers per type in order and confirms with the next offset", () => {
  const queue = [
    { updateId: 1, type: "message", message: textMessage(10) },
    {
      updateId: 2,
      type: "callbackQuery",
      callbackQuery: { id: "5", from: { id: 5 }, data: "x" },
    },
    { updateId: 3, type: "somethingNew", somethingNew: { a: 1 } },
    // A type whose payload key is missing goes to the fallback, not to its handler.
    { updateId: 4, type: "message" },
  ];
  return withFakeServer(fakeQueue(queue), async ({ url, received }) => {
    const client = new Client(botEndpoint(url));
    const controller = new AbortController();
    const seen: unknown[] = [];
    const handlers: UpdateHandlers = {
      message: (message, update) => {
        seen.push([
          "message",
          message.type === "text" ? message.text : undefined,
          message.date,
          message.chat.id,
          update.updateId,
        ]);
      },
      callbackQuery: async (query) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(["callbackQuery", query.id, query.data]);
      },
      fallback: (update) => {
        seen.push(["fallback", update.type, update.updateId]);
        if (update.updateId === 4) controller.abort();
      },
    };
    await runPolling(client, handlers, {
      signal: controller.signal,
      timeout: 1,
      limit: 50,
    });
    assertEquals(seen, [
      ["message", "hi", 1704067200, 5, 1],
      ["callbackQuery", "5", "x"],
      ["fallback", "somethingNew", 3],
      ["fallback", "message", 4],
    ]);
    const params = sentParams(received);
    assertEquals(params[0], { timeout: 1, offset: 0, limit: 50 });
    // The loop stopped right after the batch: one short call confirms it.
    assertEquals(params.at(-1), { offset: 5, timeout: 0, limit: 1 });
    assertEquals(received.every((r) => r.path.endsWith("/getUpdates")), true);
  });
});

Deno.test("runPolling() asks for the next offset after each batch", () => {
  const queue = [
    { updateId: 7, type: "message", message: textMessage(1) },
    { updateId: 8, type: "message", message: textMessage(2) },
    { updateId: 9, type: "message", message: textMessage(3) },
  ];
  return withFakeServer(fakeQueue(queue), async ({ url, received }) => {
    const controller = new AbortController();
    const ids: number[] = [];
    await runPolling(new Client(botEndpoint(url)), {
      message: (message) => {
        ids.push(message.id);
        if (message.id === 3) setTimeout(() => controller.abort(), 50);
      },
    }, { signal: controller.signal, limit: 2, timeout: 0 });
    assertEquals(ids, [1, 2, 3]);
    const offsets = sentParams(received).map((p) => p.offset);
    assertEquals(offsets.slice(0, 3), [0, 9, 10]);
    assertEquals(
      offsets.every((offset, i) => i === 0 || offset >= offsets[i - 1]),
      true,
    );
  });
});

Deno.test("runPolling() stops with ConflictError on a 409 (another poller or a webhook)", () =>
  withFakeServer(
    () =>
      gatewayError(
        "Terminated by another getUpdates request for this client",
        409,
        "conflict",
      ),
    async ({ url, received }) => {
      const error = await assertRejects(
        runPolling(new Client(botEndpoint(url)), {}),
        ConflictError,
      );
      assertEquals([error.status, received.length], [409, 1]);
    },
  ));

Deno.test("runPolling() backs off and retries after unavailable, timeout and network errors", () => {
  const answers = [
    () => gatewayError("restarting", 503, "unavailable"),
    () => gatewayError("gave up", 504, "timeout"),
    () => new Response("bad gateway", { status: 502 }),
    () => json([{ updateId: 1, type: "message", message: textMessage(1) }]),
  ];
  return withFakeServer(
    (req, i) => i < answers.length ? answers[i]() : fakeQueue([])(req),
    async ({ url }) => {
      const controller = new AbortController();
      const delays: number[] = [];
      await runPolling(new Client(botEndpoint(url)), {
        message: () => controller.abort(),
      }, {
        signal: controller.signal,
        minBackoffMs: 5,
        maxBackoffMs: 12,
        onRetry: (_error, delay) => delays.push(delay),
      });
      assertEquals(delays, [5, 10, 12]);
    },
  );
});

Deno.test("runPolling() waits out a FLOOD_WAIT on getUpdates", () =>
  withFakeServer(
    (req, i) =>
      i === 0
        ? gatewayError("FLOOD_WAIT_0", 420, "rpc", { "retry-after": "0" })
        : fakeQueue([{
          updateId: 1,
          type: "message",
          message: textMessage(1),
        }])(
          req,
        ),
    async ({ url, received }) => {
      const controller = new AbortController();
      await runPolling(new Client(botEndpoint(url)), {
        message: () => controller.abort(),
      }, { signal: controller.signal });
      assertEquals(received.length >= 2, true);
    },
  ));

Deno.test("runPolling() stops on a handler error, confirming only the updates before it", () => {
  const queue = [
    { updateId: 1, type: "message", message: textMessage(1) },
    { updateId: 2, type: "message", message: textMessage(2) },
    { updateId: 3, type: "message", message: textMessage(3) },
  ];
  return withFakeServer(fakeQueue(queue), async ({ url, received }) => {
    const failure = new Error("boom");
    const error = await assertRejects(
      runPolling(new Client(botEndpoint(url)), {
        message: (message) => {
          if (message.id === 2) throw failure;
        },
      }),
      UpdateHandlerError,
    );
    assertEquals([error.update.updateId, error.cause], [2, failure]);
    assertEquals(
      error.message,
      "The message handler failed on update 2: Error: boom",
    );
    assertEquals(sentParams(received).at(-1), {
      offset: 2,
      timeout: 0,
      limit: 1,
    });
  });
});

Deno.test("runPolling() goes on after a handler error when onError is given", () => {
  const queue = [
    { updateId: 1, type: "message", message: textMessage(1) },
    { updateId: 2, type: "message", message: textMessage(2) },
  ];
  return withFakeServer(fakeQueue(queue), async ({ url }) => {
    const controller = new AbortController();
    const reported: number[] = [];
    const handled: number[] = [];
    await runPolling(new Client(botEndpoint(url)), {
      message: (message) => {
        if (message.id === 1) throw new Error("boom");
        handled.push(message.id);
        controller.abort();
      },
    }, {
      signal: controller.signal,
      onError: (_error, update) => reported.push(update.updateId),
    });
    assertEquals([reported, handled], [[1], [2]]);
  });
});

Deno.test("runPolling() rejects bad options with a RangeError before any request", () =>
  withFakeServer(() => json([]), async ({ url, received }) => {
    const client = new Client(botEndpoint(url));
    await assertRejects(runPolling(client, {}, { timeout: 601 }), RangeError);
    await assertRejects(runPolling(client, {}, { limit: 0 }), RangeError);
    assertEquals(received.length, 0);
  }));

Deno.test("Client.getUpdates() sends the trailing object and gives the long poll extra time", () =>
  withFakeServer(async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return json([{
      updateId: 1,
      type: "editedMessage",
      editedMessage: textMessage(1),
    }]);
  }, async ({ url, received }) => {
    // timeoutMs (50 ms) is shorter than the answer, but a long poll gets timeout + 15 s.
    const client = new Client(botEndpoint(url), { timeoutMs: 50 });
    const updates = await client.getUpdates({
      timeout: 1,
      allowedUpdates: ["editedMessage"],
    });
    assertEquals(updates, [{
      updateId: 1,
      type: "editedMessage",
      editedMessage: textMessage(1),
    }]);
    assertEquals(JSON.parse(received[0].text), [{
      timeout: 1,
      allowedUpdates: ["editedMessage"],
    }]);
  }));

Deno.test("Client.getUpdates() rejects with a TypeError an answer that is not a list of updates (no id, no type)", () =>
  withFakeServer(
    (_req, index) =>
      json(
        [
          [{ updateId: 1, message: textMessage(1) }],
          [{ updateId: "1", type: "message" }],
          { updateId: 1, type: "message" },
        ][index],
      ),
    async ({ url }) => {
      const client = new Client(botEndpoint(url));
      for (let i = 0; i < 3; i++) {
        await assertRejects(client.getUpdates({ timeout: 0 }), TypeError);
      }
    },
  ));
