import { assertEquals, assertStrictEquals } from "../assert.ts";
import { renderUpdates } from "../../src/updates/render.ts";
import type { StoredUpdate } from "../../src/updates/store.ts";
import { messageText, renderedMessage } from "./_update_helpers.ts";

const stored = (
  updateId: number,
  kind: string,
  payload: string,
  legacy?: true,
): StoredUpdate => ({
  updateId,
  kind,
  payload,
  createdAt: 0,
  ...(legacy ? { legacy } : {}),
});

Deno.test("renderUpdates() puts the id first in each update object", () => {
  assertStrictEquals(
    renderUpdates([
      stored(4, "message", messageText(1)),
      stored(
        5,
        "deletedMessages",
        '{"type":"deletedMessages","deletedMessages":[]}',
      ),
    ]),
    `[${
      renderedMessage(1, 4)
    },{"updateId":5,"type":"deletedMessages","deletedMessages":[]}]`,
  );
});

Deno.test("renderUpdates() renders a legacy update as {updateId, <kind>: payload}", () => {
  assertStrictEquals(
    renderUpdates([
      stored(1, "newMessage", '{"id":1}', true),
      stored(2, "message", messageText(2)),
    ]),
    `[{"updateId":1,"newMessage":{"id":1}},${renderedMessage(2)}]`,
  );
});

Deno.test("renderUpdates() copies the payload text as it is, and handles empty objects and batches", () => {
  assertStrictEquals(renderUpdates([]), "[]");
  assertStrictEquals(
    renderUpdates([stored(3, "chatAction", "{}")]),
    '[{"updateId":3}]',
  );
  const spaced = '{ "type": "poll", "poll": {"id": "x"} }';
  const text = renderUpdates([stored(7, "poll", spaced)]);
  assertStrictEquals(
    text,
    `[{"updateId":7, "type": "poll", "poll": {"id": "x"} }]`,
  );
  assertEquals(JSON.parse(text), [{
    updateId: 7,
    type: "poll",
    poll: { id: "x" },
  }]);
});
