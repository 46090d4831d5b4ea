/** The parameter kinds MTKruto's methods share, each with its reader. */
import { InputError } from "../../errors.ts";
import type { InputPeerLike } from "@mtcute/core";
import { resolveChatId, toChatId } from "../params/chat_id.ts";
import { toInputFile } from "../params/file_source.ts";
import { readInteger, readNumber, readString } from "../params/read.ts";
import { describeValue } from "../../describe_value.ts";
import type { Param } from "./define.ts";

/** A chat: marked id, "me", username or phone number (looked up, as mtcute does not take phone numbers). */
export function chatIdParam(name = "chatId"): Param<InputPeerLike> {
  return {
    name,
    type: "ID",
    read: toChatId,
    resolve: (value, call) =>
      resolveChatId(call.client, value as number | string),
  };
}

/** A safe integer (message ids, counts …). */
export function integerParam(name: string): Param<number> {
  return {
    name,
    type: "number",
    read: (value, path) => readInteger(value, path),
  };
}

/** A message id. */
export const messageIdParam = (name = "messageId") => integerParam(name);

/** A finite number (latitude, longitude …). */
export function numberParam(name: string): Param<number> {
  return { name, type: "number", read: readNumber };
}

/** A string; `nonEmpty` refuses "". */
export function stringParam(
  name: string,
  { nonEmpty = false } = {},
): Param<string> {
  return {
    name,
    type: "string",
    read(value, path) {
      const text = readString(value, path);
      if (nonEmpty && text === "") {
        throw new InputError(`${path} must not be empty`);
      }
      return text;
    },
  };
}

/** A non-empty list of message ids (at most `max`). */
export function messageIdsParam(
  name = "messageIds",
  max = 100,
): Param<number[]> {
  const item = integerParam(name);
  return {
    name,
    type: "number[]",
    read(value, path) {
      if (!Array.isArray(value) || value.length === 0) {
        throw new InputError(
          `${path} must be a non-empty array of message ids; got ${
            describeValue(value)
          }`,
        );
      }
      if (value.length > max) {
        throw new InputError(
          `${path} may hold at most ${max} message ids; got ${value.length}`,
        );
      }
      return value.map((id, index) => item.read(id, `${path}[${index}]`));
    },
  };
}

/** A file: a file id, an http(s) URL or a multipart file part. */
export function fileParam(name: string): Param<unknown> {
  return { name, type: "FileSource", read: toInputFile };
}

/** The trailing options object, `{}` when omitted. */
export function optionsParam(
  type: string,
):
  & Param<Record<string, unknown>>
  & { optional: true; fallback: () => Record<string, unknown> } {
  return {
    name: "params",
    type,
    optional: true,
    fallback: () => ({}),
    read(value) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new InputError(
          `params must be an object (${type}); got ${describeValue(value)}`,
        );
      }
      return value as Record<string, unknown>;
    },
  };
}

/** A JSON value handed to a converter of its own (`read`), documented as `type`. */
export function customParam<T>(
  name: string,
  type: string,
  read: (value: unknown, path: string) => T,
): Param<T> {
  return { name, type, read };
}
