/**
 * The control API's view of what admins set in a chat (`GET
 * /chats/<id>/info`) and of an account's chat list (`GET /dialogs`), for
 * tests to check what the accounts' clients changed.
 */
import { BadRequest, json, queryId, type Route } from "./control_http.ts";
import { settingsOf } from "./world/chat_settings.ts";
import { dialogEntries } from "./world/dialogs.ts";
import { peerKind } from "./world/peer_keys.ts";
import type { World } from "./world/world.ts";

/** A chat's settings as `GET /chats/<id>/info` shows them. */
export interface ControlChatInfo {
  /** The marked id. */
  id: number;
  type: "group" | "supergroup" | "channel";
  title: string;
  about: string;
  /** The chat photo: its id (a decimal long) and its sizes' types and sides. */
  photo?: { id: string; sizes: { type: string; side: number }[] };
  /** A supergroup's sticker set, by short name. */
  stickerSet?: string;
  slowModeSeconds: number;
  signatures: boolean;
  signatureProfiles: boolean;
  noForwards: boolean;
  boostsUnrestrict: number;
  ttlPeriod: number;
  isForum: boolean;
  antispam: boolean;
  hiddenPrehistory: boolean;
  participantsHidden: boolean;
  /** The marked id of the linked discussion group or channel. */
  linkedChatId?: number;
  /** The peer (user id or marked chat id) each member sends as by default, by user id. */
  defaultSendAs: Record<string, number>;
}

/** One chat of an account's list as `GET /dialogs` shows it. */
export interface ControlDialog {
  /** The user id or the marked chat id. */
  peer: number;
  /** 0: the main list, 1: the archive. */
  folderId: number;
  /** The newest message's id (in the account's box, the channel's for channels). */
  topMessageId: number;
}

/** The chat info actions of the control API. */
export interface ChatInfoControl {
  /** The settings of the chat with marked id `id`, or undefined for no such chat. */
  chatInfo(id: number): ControlChatInfo | undefined;
  /** `user`'s chat list, newest first, both folders. */
  dialogs(user: number): ControlDialog[];
}

/** The `ChatInfoControl` of a world. */
export function createChatInfoControl(world: World): ChatInfoControl {
  return {
    chatInfo(id) {
      const chat = world.state.chats.get(id);
      if (!chat) return undefined;
      const settings = settingsOf(chat);
      const photo = settings.photo;
      return {
        id: chat.key,
        type: chat.type,
        title: chat.title,
        about: settings.about,
        photo: photo && {
          id: photo.id.toString(),
          sizes: photo.tl.sizes.flatMap((size) =>
            size._ === "photoSize" ? [{ type: size.type, side: size.w }] : []
          ),
        },
        stickerSet: settings.stickerSetName,
        slowModeSeconds: settings.slowModeSeconds,
        signatures: settings.signatures,
        signatureProfiles: settings.signatureProfiles,
        noForwards: settings.noForwards,
        boostsUnrestrict: settings.boostsUnrestrict,
        ttlPeriod: settings.ttlPeriod,
        isForum: settings.isForum,
        antispam: settings.antispam,
        hiddenPrehistory: settings.hiddenPrehistory,
        participantsHidden: settings.participantsHidden,
        linkedChatId: settings.linkedChatKey,
        defaultSendAs: Object.fromEntries(settings.defaultSendAs ?? []),
      };
    },
    dialogs(user) {
      world.state.accounts.require(user);
      return dialogEntries(world.state, user).map((entry) => ({
        peer: entry.peerKey,
        folderId: entry.folderId,
        topMessageId: entry.top.id,
      }));
    },
  };
}

/** The chat info routes. */
export function chatInfoRoutes(
  control: ChatInfoControl,
): Record<string, Route> {
  return {
    "GET /chats/:chat/info": (_req, _url, params) => {
      const id = Number(params.chat);
      if (!Number.isSafeInteger(id) || peerKind(id) === "user") {
        throw new BadRequest(
          `chat must be a marked (negative) chat id, not ${params.chat}`,
        );
      }
      const info = control.chatInfo(id);
      return info ? json(info) : json({ error: "no such chat" }, 404);
    },
    "GET /dialogs": (_req, url) => json(control.dialogs(queryId(url, "user"))),
  };
}
