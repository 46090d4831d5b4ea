/**
 * The parameter mixins every send method shares (methods.md §A.2, 0.216
 * names): S (send-common) and R (reply markup) → mtcute's CommonSendParams
 * and `replyMarkup`; C (caption) → an InputText.
 */
import { Long, type TextWithEntities } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { parseText } from "../text/parse_mode.ts";
import { omitUndefined } from "../types/omit_undefined.ts";
import { toChatId } from "./chat_id.ts";
import { toReplyMarkup } from "./reply_markup.ts";
import { toReplyTo } from "./reply_to.ts";
import {
  at,
  given,
  type JsonObject,
  optionalBoolean,
  optionalDecimal,
  optionalInteger,
  optionalString,
  POSITIVE_INT32,
  readObject,
} from "./read.ts";

/** Who calls, for the parameters only one kind of account may use. */
export interface DialectContext {
  isBot: boolean;
  method: string;
}

/** The keys of S and R that only bots (or only users) may give, as MTKruto checks them. */
const RESTRICTED: [key: string, account: "bot" | "user"][] = [
  ["replyMarkup", "bot"],
  ["businessConnectionId", "bot"],
  ["sendAs", "user"],
  ["sendAt", "user"],
  ["isPaidBroadcast", "bot"],
];

/** Keys of S for ephemeral messages, which mtcute's layer does not have. */
const EPHEMERAL_KEYS = ["receiverId", "callbackQueryId"];

/**
 * Throws MTKruto's account error ("<method>: <key>: not a bot client.")
 * when `params[key]` is given by the wrong kind of account.
 */
export function assertParamAccount(
  params: JsonObject,
  key: string,
  account: "bot" | "user",
  context: DialectContext,
): void {
  if (!given(params, key) || context.isBot === (account === "bot")) return;
  throw new InputError(
    `${context.method}: ${key}: not a ${account} client.`,
  );
}

/**
 * S + R of §A.2 (0.216 names) → mtcute CommonSendParams (& replyMarkup).
 * Enforces the bot-only (replyMarkup, businessConnectionId,
 * isPaidBroadcast) and user-only (sendAs, sendAt) params.
 */
export function toSendOptions(
  params: Record<string, unknown>,
  ctx: DialectContext,
  path: string,
): Record<string, unknown> {
  const object = readObject(params, path);
  for (const [key, account] of RESTRICTED) {
    assertParamAccount(object, key, account, ctx);
  }
  for (const key of EPHEMERAL_KEYS) {
    if (given(object, key)) {
      throw new InputError(
        `${at(path, key)}: ephemeral messages are not supported by this server`,
      );
    }
  }
  const sendAt = optionalInteger(object, "sendAt", path, POSITIVE_INT32);
  const effectId = optionalDecimal(object, "effectId", path);
  return omitUndefined({
    ...(given(object, "replyTo")
      ? toReplyTo(object.replyTo, at(path, "replyTo"))
      : {}),
    threadId: optionalInteger(object, "messageThreadId", path, POSITIVE_INT32),
    toMonoforumPeer: given(object, "directMessagesTopicId")
      ? toChatId(
        object.directMessagesTopicId,
        at(path, "directMessagesTopicId"),
      )
      : undefined,
    silent: optionalBoolean(object, "isSilent", path),
    forbidForwards: optionalBoolean(object, "isContentProtected", path),
    sendAs: given(object, "sendAs")
      ? toChatId(object.sendAs, at(path, "sendAs"))
      : undefined,
    // MTKruto takes Unix seconds; mtcute reads a number as milliseconds.
    schedule: sendAt === undefined ? undefined : sendAt * 1000,
    effect: effectId === undefined ? undefined : Long.fromString(effectId),
    businessConnectionId: optionalString(
      object,
      "businessConnectionId",
      path,
      { nonEmpty: true },
    ),
    allowPaidFloodskip: optionalBoolean(object, "isPaidBroadcast", path),
    replyMarkup: given(object, "replyMarkup")
      ? toReplyMarkup(object.replyMarkup, at(path, "replyMarkup"))
      : undefined,
  });
}

/** C of §A.2: caption + captionEntities + parseMode → mtcute InputText, or undefined without a caption. */
export function toCaption(
  params: Record<string, unknown>,
  path: string,
): TextWithEntities | undefined {
  const object = readObject(params, path);
  const caption = optionalString(object, "caption", path);
  if (caption === undefined) return undefined;
  return parseText(
    caption,
    {
      parseMode: object.parseMode,
      entities: object.captionEntities,
    },
    path,
    {
      textName: at(path, "caption"),
      entitiesKey: "captionEntities",
      allowEmpty: true,
    },
  );
}
