/**
 * The result and update types as a bot uses them: narrowing by `type` gives
 * each variant's fields, and misuse is a type error (checked by `deno check`,
 * which `deno test` runs first).
 */
import { assertEquals } from "../assert.ts";
import { messageUpdate, textMessage } from "./_fake_client.ts";
import type {
  DialectMethods,
  Message,
  MessageText,
  Update,
  User,
} from "../../client/mod.ts";

/** What a bot reads out of an update, written against the types only. */
function describe(update: Update): string {
  if (update.type === "message" && update.message.type === "text") {
    const text: string = update.message.text;
    // @ts-expect-error: a text message has no photo
    update.message.photo;
    return `text ${text} in ${update.message.chat.type}`;
  }
  if (update.type === "message" && update.message.type === "photo") {
    const sizes: number = update.message.photo.thumbnails.length;
    return `photo with ${sizes} thumbnails, caption ${update.message.caption}`;
  }
  if (update.type === "callbackQuery") {
    const data: string | undefined = update.callbackQuery.data;
    // @ts-expect-error: a callback query's id is a decimal string, not a number
    const id: number = update.callbackQuery.id;
    return `button ${data} ${id}`;
  }
  if (update.type === "deletedMessages") {
    return update.deletedMessages.map((m) => `${m.chatId}/${m.messageId}`)
      .join(" ");
  }
  // @ts-expect-error: no update type is called "messages"
  if (update.type === "messages") return "never";
  return update.type;
}

/** Method results are typed by the method: sendMessage answers a text message. */
async function greet(client: DialectMethods, chatId: number): Promise<string> {
  const me: User = await client.getMe();
  const sent: MessageText = await client.sendMessage(chatId, `I am ${me.id}`);
  // @ts-expect-error: sendMessage takes its text as a string
  await client.sendMessage(chatId, 5);
  // @ts-expect-error: parse modes are MTKruto's, "HTML" or "Markdown"
  await client.sendMessage(chatId, "x", { parseMode: "markdown" });
  const found: Message | null = await client.getMessage(chatId, sent.id);
  return found?.type ?? "gone";
}

Deno.test("narrowing updates by type gives each variant's fields", () => {
  const text: Update = messageUpdate(textMessage("hi"));
  assertEquals(describe(text), "text hi in private");
  assertEquals(
    describe({
      updateId: 2,
      type: "deletedMessages",
      deletedMessages: [{ chatId: 5, messageId: 9 }],
    }),
    "5/9",
  );
});

Deno.test("method results are typed by the method", async () => {
  const calls: unknown[][] = [];
  const client = new Proxy({}, {
    get: (_target, name) => (...args: unknown[]) => {
      calls.push([name, ...args]);
      return Promise.resolve(
        name === "getMe"
          ? { id: 7 }
          : name === "getMessage"
          ? null
          : { type: "text", id: 3 },
      );
    },
  }) as DialectMethods;
  assertEquals(await greet(client, 5), "gone");
  assertEquals(calls[0], ["getMe"]);
  assertEquals(calls[1], ["sendMessage", 5, "I am 7"]);
  assertEquals(calls.at(-1), ["getMessage", 5, 3]);
});
