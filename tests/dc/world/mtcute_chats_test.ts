/** Groups, supergroups and channels driven by mtcute's own `TelegramClient` against the real MTProto server. */
import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import type { Chat, DeleteMessageUpdate, Message, Peer } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/node";
import { join } from "node:path";
import { EmulatorClients } from "../_mtcute_client.ts";
import { type Emulator, startEmulator } from "../mod.ts";

const WAIT_MS = 10_000;

/** The kind of group or channel a message's chat is (fails for private chats). */
function chatTypeOf(peer: Peer): Chat["chatType"] {
  assert(peer.type === "chat", `expected a chat, got a ${peer.type}`);
  return peer.chatType;
}

/** Items an emitter delivered, and a way to wait for the next one that matches. */
class Inbox<T> {
  readonly #items: T[] = [];
  #waiters: { matches(item: T): boolean; resolve(item: T): void }[] = [];

  push = (item: T): void => {
    const waiter = this.#waiters.find((w) => w.matches(item));
    if (waiter) {
      this.#waiters = this.#waiters.filter((w) => w !== waiter);
      waiter.resolve(item);
    } else this.#items.push(item);
  };

  /** The first item (already received or still to come) that `matches`; fails after a timeout. */
  next(label: string, matches: (item: T) => boolean = () => true): Promise<T> {
    const index = this.#items.findIndex(matches);
    if (index !== -1) return Promise.resolve(this.#items.splice(index, 1)[0]);
    const { promise, resolve, reject } = Promise.withResolvers<T>();
    const timer = setTimeout(
      () => reject(new Error(`${label}: nothing within ${WAIT_MS} ms`)),
      WAIT_MS,
    );
    this.#waiters.push({
      matches,
      resolve: (item) => {
        clearTimeout(timer);
        resolve(item);
      },
    });
    return promise;
  }
}

/** Runs `body` with a fresh emulator and client factory, cleaning both up. */
async function withEmulator(
  body: (emulator: Emulator, clients: EmulatorClients) => Promise<void>,
): Promise<void> {
  const emulator = await startEmulator({ controlPort: false });
  const clients = await EmulatorClients.for(emulator);
  try {
    await body(emulator, clients);
  } finally {
    await clients.close();
    await emulator.close();
  }
}

/**
 * Resolves once a "ping" reached `inbox`, sending one every 300 ms:
 * start() resolves before mtcute's updates loop has its state, and its first
 * state fetch drops what arrives meanwhile.
 */
async function loopRuns(inbox: Inbox<Message>, ping: () => void) {
  const timer = setInterval(ping, 300);
  try {
    ping();
    await inbox.next("ping", (m) => m.text === "ping");
  } finally {
    clearInterval(timer);
  }
}

/** A started bot client whose updates loop runs (`pingerId` pings it), and the inboxes of its new and deleted messages. */
async function startBot(
  emulator: Emulator,
  clients: EmulatorClients,
  pingerId: number,
) {
  const bot = emulator.control.createBot({ username: "group_bot" });
  const client = clients.client();
  const inbox = {
    messages: new Inbox<Message>(),
    deletions: new Inbox<DeleteMessageUpdate>(),
  };
  client.onNewMessage.add(inbox.messages.push);
  client.onDeleteMessage.add(inbox.deletions.push);
  await client.start({ botToken: bot.token });
  await loopRuns(inbox.messages, () => {
    emulator.control.sendMessage({ from: pingerId, to: bot.id, text: "ping" });
  });
  return { bot, client, inbox };
}

/** A started user client (code from the control API). */
async function startUser(
  emulator: Emulator,
  client: TelegramClient,
  phone: string,
) {
  await emulator.control.createUser({ phone, firstName: "Ann" });
  return client.start({
    phone,
    code: () => Promise.resolve(emulator.control.loginCode(phone)!),
    codeSentCallback: () => {},
  });
}

Deno.test({
  name:
    "mtcute: a bot in a supergroup gets a member's message, replies, edits and deletes; a channel post reaches it",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const { control } = emulator;
      const { id: annId } = await control.createUser({
        phone: "15550100",
        firstName: "Ann",
      });
      const { bot, client, inbox } = await startBot(emulator, clients, annId);
      const { id: groupId } = control.createChat({
        type: "supergroup",
        title: "Lounge",
        creator: annId,
        members: [bot.id],
      });
      const created = await inbox.messages.next("creation", (m) => m.isService);
      assertStrictEquals(created.chat.id, groupId);
      assertStrictEquals(chatTypeOf(created.chat), "supergroup");

      const sent = control.sendMessage({
        from: annId,
        chat: groupId,
        text: "hello bot",
      });
      const received = await inbox.messages.next("member message", (m) =>
        m.text === "hello bot");
      assertStrictEquals(received.id, sent.id);
      assertStrictEquals(received.sender.id, annId);

      const reply = await client.sendText(groupId, "hello Ann", {
        replyTo: received.id,
      });
      assertStrictEquals(reply.replyToMessage?.id, received.id);
      const edited = await client.editMessage({
        chatId: groupId,
        message: reply.id,
        text: "hello, Ann",
      });
      assertStrictEquals(edited.text, "hello, Ann");
      const [, , stored] = control.messages({ user: annId, peer: groupId });
      assertEquals([stored.text, stored.replyToId, stored.from], [
        "hello, Ann",
        received.id,
        bot.id,
      ]);
      await client.deleteMessagesById(groupId, [reply.id]);
      assertEquals(
        control.messages({ user: annId, peer: groupId }).map((m) =>
          m.id
        ),
        [created.id, received.id],
      );

      // a later member message still arrives: the bot's channel pts kept up
      control.sendMessage({ from: annId, chat: groupId, text: "still here" });
      const later = await inbox.messages.next("after the deletion", (m) =>
        m.text === "still here");

      const pinService = await client.pinMessage({
        chatId: groupId,
        message: later.id,
      });
      assert(pinService?.action?.type === "message_pinned");
      assertStrictEquals(
        control.messages({ user: annId, peer: groupId }).find((m) =>
          m.id === later.id
        )?.pinned,
        true,
      );
      assertStrictEquals((await client.getChat(groupId)).title, "Lounge");
      const full = await client.getFullChat(groupId);
      assertEquals(
        [full.membersCount, full.canViewParticipants],
        [2, true],
      );
      const creator = await client.getChatMember({
        chatId: groupId,
        userId: annId,
      });
      assertStrictEquals(creator?.status, "creator");
      const self = await client.getChatMember({
        chatId: groupId,
        userId: "self",
      });
      assertStrictEquals(self?.status, "member");

      const { id: channelId } = control.createChat({
        type: "channel",
        title: "News",
        creator: annId,
        members: [bot.id],
      });
      control.sendMessage({ from: annId, chat: channelId, text: "breaking" });
      const post = await inbox.messages.next("channel post", (m) =>
        m.text === "breaking");
      assertStrictEquals(post.chat.id, channelId);
      assertStrictEquals(chatTypeOf(post.chat), "channel");
      // posts have no from_id: mtcute names the channel as the sender
      assertStrictEquals(post.sender.id, channelId);
    }),
});

Deno.test({
  name:
    "mtcute: in a basic group a user and a bot exchange messages, and a deletion reaches the other member",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const { control } = emulator;
      const userClient = clients.client();
      const userMessages = new Inbox<Message>();
      userClient.onNewMessage.add(userMessages.push);
      const me = await startUser(emulator, userClient, "15550100");
      const { bot, client: botClient, inbox: botInbox } = await startBot(
        emulator,
        clients,
        me.id,
      );
      // the user's client sees what its account sends from elsewhere
      await loopRuns(userMessages, () => {
        emulator.control.sendMessage({ from: me.id, to: bot.id, text: "ping" });
      });
      const { id: groupId } = control.createChat({
        type: "group",
        title: "Pair",
        creator: me.id,
        members: [bot.id],
      });
      await botInbox.messages.next("creation", (m) => m.isService);

      const sent = await userClient.sendText(groupId, "/start");
      const atBot = await botInbox.messages.next("user message", (m) =>
        m.text === "/start");
      assertStrictEquals(atBot.chat.id, groupId);
      assertStrictEquals(chatTypeOf(atBot.chat), "group");
      assertStrictEquals(atBot.sender.id, me.id);

      await botClient.sendText(groupId, "welcome", { replyTo: atBot.id });
      const atUser = await userMessages.next("bot reply", (m) =>
        m.text === "welcome");
      assertStrictEquals(atUser.sender.id, bot.id);
      assertStrictEquals(atUser.replyToMessage?.id, sent.id);

      const member = await botClient.getChatMember({
        chatId: groupId,
        userId: me.id,
      });
      assertStrictEquals(member?.status, "creator");

      await userClient.deleteMessagesById(groupId, [sent.id]);
      const deletion = await botInbox.deletions.next("deletion");
      assertEquals(deletion.messageIds, [atBot.id]);
      assert(
        !control.messages({ user: bot.id, peer: groupId }).some((m) =>
          m.id === atBot.id
        ),
      );
    }),
});

Deno.test({
  name:
    "mtcute: channel messages sent while a bot was offline come with catch-up (updateChannelTooLong, then the channel difference)",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withEmulator(async (emulator, clients) => {
      const { control } = emulator;
      const dir = await Deno.makeTempDir();
      try {
        const sessionFile = join(dir, "bot.session");
        const { id: annId } = await control.createUser({
          phone: "15550100",
          firstName: "Ann",
        });
        const bot = control.createBot({ username: "group_bot" });
        const start = async () => {
          const client = clients.client({ sessionFile, catchUp: true });
          const messages = new Inbox<Message>();
          client.onNewMessage.add(messages.push);
          await client.start({ botToken: bot.token });
          await loopRuns(messages, () => {
            control.sendMessage({ from: annId, to: bot.id, text: "ping" });
          });
          return { client, messages };
        };
        const first = await start();
        const { id: groupId } = control.createChat({
          type: "supergroup",
          title: "Lounge",
          creator: annId,
          members: [bot.id],
        });
        control.sendMessage({ from: annId, chat: groupId, text: "live" });
        await first.messages.next("live", (m) => m.text === "live");
        await clients.destroy(first.client);

        for (const text of ["offline 1", "offline 2"]) {
          control.sendMessage({ from: annId, chat: groupId, text });
        }
        const second = await start();
        const caught = [
          await second.messages.next(
            "offline 1",
            (m) => m.text === "offline 1",
          ),
          await second.messages.next(
            "offline 2",
            (m) => m.text === "offline 2",
          ),
        ];
        assertEquals(caught.map((m) => m.chat.id), [groupId, groupId]);
        assert(control.calls(bot.id).includes("updates.getChannelDifference"));
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    }),
});
