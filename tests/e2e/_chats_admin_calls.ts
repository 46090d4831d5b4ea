/**
 * What the chat e2e tests (mtkruto_chats_admin_test.ts,
 * mtkruto_chat_list_test.ts) share: dialect calls that expect success or a
 * refusal, the emulator's view of a chat's settings, and a sticker set made
 * for Alice.
 */
import { assert, assertEquals } from "../assert.ts";
import type { ControlChatInfo } from "../dc/control_chat_info.ts";
import { webp } from "./_media_samples.ts";
import type { ChatsWorld } from "./_chats_world.ts";
import { callMethod, callOk } from "./_dialect_calls.ts";

/** Calls `method` with JSON arguments or a multipart form; the answer whatever its status. */
export function answer(
  world: ChatsWorld,
  base: string,
  method: string,
  body: unknown[] | FormData,
) {
  return callMethod(world.gateway, base, method, body);
}

/** Calls `method` and returns its result, failing the test on any error. */
export function ok<T = unknown>(
  world: ChatsWorld,
  base: string,
  method: string,
  body: unknown[] | FormData,
): Promise<T> {
  return callOk<T>(world.gateway, base, method, body);
}

/** Calls `method` expecting a refusal: its status, error type and a part of its message. */
export async function refused(
  world: ChatsWorld,
  base: string,
  method: string,
  args: unknown[] | FormData,
  expected: { status?: number; type?: string; message: string },
): Promise<void> {
  const { status, errorType, body } = await answer(world, base, method, args);
  assertEquals(
    [method, status, errorType],
    [method, expected.status ?? 400, expected.type ?? "input"],
    `${method} answered ${JSON.stringify(body)}`,
  );
  const text = JSON.stringify(body);
  assert(text.includes(expected.message), `${method} answered ${text}`);
}

/** The bot's endpoint. */
export const botBase = (world: ChatsWorld) => `/bot${world.bot.token}`;

/** The chat's settings in the emulator. */
export function info(
  world: ChatsWorld,
  chatId: number,
): Promise<ControlChatInfo> {
  return world.dc.control<ControlChatInfo>("GET", `/chats/${chatId}/info`);
}

/** A TL-JSON object, as `invoke` answers. */
type TlJson = Record<string, unknown> & { _: string };

/**
 * A sticker set the bot makes for Alice (`stickers.createStickerSet` through
 * `invoke`) from one sticker it uploads by sending it to her: a regular set
 * of a 512×512 WebP, or an emoji set of a 100×100 one. Its documents.
 */
export async function createStickerSet(
  world: ChatsWorld,
  shortName: string,
  { emojis }: { emojis: boolean },
): Promise<TlJson[]> {
  const form = new FormData();
  form.append("chatId", JSON.stringify(world.userId));
  const side = emojis ? 100 : 512;
  form.append(
    "sticker",
    new File([webp(side, side)], "s.webp", { type: "image/webp" }),
  );
  const sent = await ok<{ id: number }>(
    world,
    botBase(world),
    "sendSticker",
    form,
  );
  const fetched = await ok<{ messages: TlJson[]; users: TlJson[] }>(
    world,
    botBase(world),
    "invoke",
    [{
      _: "messages.getMessages",
      id: [{ _: "inputMessageID", id: sent.id }],
    }],
  );
  const { id, access_hash, file_reference } =
    (fetched.messages[0].media as { document: TlJson }).document;
  const alice = fetched.users.find((user) => user.id === world.userId)!;
  const created = await ok<{ documents: TlJson[] }>(
    world,
    botBase(world),
    "invoke",
    [{
      _: "stickers.createStickerSet",
      emojis: emojis || undefined,
      user_id: {
        _: "inputUser",
        user_id: world.userId,
        access_hash: alice.access_hash,
      },
      title: shortName,
      short_name: shortName,
      stickers: [{
        _: "inputStickerSetItem",
        document: { _: "inputDocument", id, access_hash, file_reference },
        emoji: "😺",
      }],
    }],
  );
  return created.documents;
}
