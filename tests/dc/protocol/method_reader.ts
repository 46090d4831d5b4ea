/**
 * Schema-driven decoding of what clients send: API and MTProto functions
 * (which mtcute's reader map lacks, as a client never reads them) become
 * mtcute-style objects; constructors nested in them are read with mtcute's
 * `__tlReaderMap`. `gzip_packed` is unpacked wherever a boxed object may be.
 */
import { __tlReaderMap, TlBinaryReader } from "@mtcute/core/utils.js";
import { unzipSync } from "node:zlib";
import {
  getSchema,
  type TlArgument,
  type TlEntry,
} from "../../../src/tl/schema.ts";

/** A decoded TL object: `_` plus camelCase fields. */
export type TlObject = { _: string; [field: string]: unknown };

/** The request could not be decoded; `text` is the rpc_error Telegram answers with. */
export class DecodeError extends Error {
  override name = "DecodeError";
  constructor(
    readonly text: "INPUT_METHOD_INVALID" | "INPUT_FETCH_ERROR",
    detail: string,
  ) {
    super(`${text}: ${detail}`);
  }
}

export const GZIP_PACKED_ID = 0x3072cfa1;
const VECTOR_ID = 0x1cb5c415;
/** Unpacked gzip_packed payloads larger than this are refused (a decompression bomb, not a request). */
const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

/**
 * Inflates a gzip_packed payload. The protocol says gzip, but clients differ
 * (mtcute sends a zlib stream), so both headers are accepted.
 */
export function unpackGzip(packed: Uint8Array): Uint8Array {
  try {
    return new Uint8Array(
      unzipSync(packed, { maxOutputLength: MAX_UNPACKED_BYTES }),
    );
  } catch (error) {
    throw new DecodeError(
      "INPUT_FETCH_ERROR",
      `bad gzip_packed: ${(error as Error).message}`,
    );
  }
}

function readBare(reader: TlBinaryReader, arg: TlArgument): unknown {
  switch (arg.type) {
    case "int":
      return reader.int();
    case "long":
      return reader.long();
    case "int53":
      return reader.int53();
    case "double":
      return reader.double();
    case "string":
      return reader.string();
    case "bytes":
      return reader.bytes();
    case "int128":
      return reader.int128();
    case "int256":
      return reader.int256();
    case "Bool":
      return reader.boolean();
  }
  const bareId = arg.typeModifiers?.isBareType
    ? arg.typeModifiers.constructorId
    : undefined;
  if (bareId !== undefined) return readConstructorBody(reader, bareId);
  return readTlObject(reader);
}

function readConstructorBody(reader: TlBinaryReader, id: number): unknown {
  const read = __tlReaderMap[id];
  if (!read) {
    throw new DecodeError(
      "INPUT_FETCH_ERROR",
      `unknown constructor 0x${id.toString(16)}`,
    );
  }
  return read(reader);
}

function readArgument(reader: TlBinaryReader, arg: TlArgument): unknown {
  const modifiers = arg.typeModifiers;
  if (!modifiers?.isVector && !modifiers?.isBareVector) {
    return readBare(reader, arg);
  }
  if (modifiers.isVector && reader.uint() !== VECTOR_ID) {
    throw new DecodeError(
      "INPUT_FETCH_ERROR",
      `${arg.name}: expected a vector`,
    );
  }
  const count = reader.uint();
  // Each item takes at least four bytes; a larger count is a lie that would only burn memory.
  if (count * 4 > reader.uint8View.length - reader.pos) {
    throw new DecodeError(
      "INPUT_FETCH_ERROR",
      `${arg.name}: vector longer than the message`,
    );
  }
  const items: unknown[] = [];
  for (let i = 0; i < count; i++) items.push(readBare(reader, arg));
  return items;
}

function readFunction(reader: TlBinaryReader, entry: TlEntry): TlObject {
  const result: TlObject = { _: entry.name };
  const flagFields = new Map<string, number>();
  for (const arg of entry.arguments) {
    if (arg.type === "#") {
      flagFields.set(arg.name, reader.uint());
      continue;
    }
    if (arg.flag) {
      const present =
        ((flagFields.get(arg.flag.field) ?? 0) >>> arg.flag.bit & 1) === 1;
      if (arg.type === "true") {
        result[arg.camelName] = present;
        continue;
      }
      if (!present) {
        result[arg.camelName] = undefined;
        continue;
      }
    }
    result[arg.camelName] = readArgument(reader, arg);
  }
  return result;
}

/** Reads one boxed object: a function, a constructor, a vector or a gzip_packed wrapper around one. */
export function readTlObject(reader: TlBinaryReader): unknown {
  const id = reader.uint();
  if (id === GZIP_PACKED_ID) {
    return readTlObject(
      new TlBinaryReader(__tlReaderMap, unpackGzip(reader.bytes())),
    );
  }
  const entry = getSchema().byId.get(id);
  if (entry?.kind === "method") return readFunction(reader, entry);
  if (id === VECTOR_ID || id === 0x997275b5 || id === 0xbc799737) {
    return reader.object(id);
  }
  return readConstructorBody(reader, id);
}

/** Whether `id` is the constructor id of a function (API or MTProto) in the schema. */
export function isFunctionId(id: number): boolean {
  return getSchema().byId.get(id)?.kind === "method";
}

/** Decodes a complete serialized object, rejecting truncated input. */
export function decodeTlObject(bytes: Uint8Array): unknown {
  const reader = new TlBinaryReader(__tlReaderMap, bytes);
  let value: unknown;
  try {
    value = readTlObject(reader);
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError("INPUT_FETCH_ERROR", (error as Error).message);
  }
  // mtcute's reader clamps raw reads instead of throwing, so overruns show up here.
  if (reader.pos > bytes.length) {
    throw new DecodeError("INPUT_FETCH_ERROR", "truncated object");
  }
  return value;
}
