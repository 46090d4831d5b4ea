/** The message id → chat map that names the chats of deletions, kept across restarts. */
import { assertEquals } from "../assert.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";

Deno.test("MessageChats names the chat of known ids, in order, and survives a reopen", () => {
  const dir = Deno.makeTempDirSync();
  const path = `${dir}/client.sqlite`;
  try {
    const chats = new MessageChats(path);
    chats.remember(10, 1000001);
    chats.remember(11, -42);
    chats.remember(10, 1000002); // an id is in one chat; the newest word wins
    assertEquals(chats.chatsOf([11, 12, 10]), [
      { chatId: -42, messageId: 11 },
      { chatId: 1000002, messageId: 10 },
    ]);
    chats.close();
    const reopened = new MessageChats(path);
    assertEquals(reopened.chatsOf([10]), [{ chatId: 1000002, messageId: 10 }]);
    reopened.close();
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
