/**
 * Serialization of what the server sends: RPC results (typed by the
 * function's return type in the schema, since `Bool`, `Vector<long>` and
 * friends carry no constructor of their own), rpc_error, and any constructor
 * via mtcute's writer map.
 */
import { Long } from "@mtcute/core";
import { __tlWriterMap, TlBinaryWriter } from "@mtcute/core/utils.js";
import { gzipSync } from "node:zlib";
import { getSchema } from "../../../src/tl/schema.ts";
import { concat } from "./crypto.ts";
import { GZIP_PACKED_ID, type TlObject } from "./method_reader.ts";

const RPC_RESULT_ID = 0xf35c6d01;
const VECTOR_ID = 0x1cb5c415;
const BOOL_TRUE_ID = 0x997275b5;
const BOOL_FALSE_ID = 0xbc799737;
/** Results at least this large travel as gzip_packed when that makes them smaller. */
const GZIP_THRESHOLD = 1024;

/** A result does not fit the function's return type. */
export class ResultTypeError extends Error {
  override name = "ResultTypeError";
}

/** Serializes any constructor with mtcute's writer map. */
export function serializeObject(object: TlObject): Uint8Array {
  return TlBinaryWriter.serializeObject(__tlWriterMap, object);
}

function toLong(value: unknown): Long {
  if (Long.isLong(value)) return value;
  if (typeof value === "bigint") {
    return Long.fromString(BigInt.asIntN(64, value).toString());
  }
  if (typeof value === "number" && Number.isSafeInteger(value)) {
    return Long.fromNumber(value);
  }
  throw new ResultTypeError(`expected a long, got ${typeof value}`);
}

function writeWith(
  size: number,
  write: (writer: TlBinaryWriter) => void,
): Uint8Array {
  const writer = TlBinaryWriter.alloc(__tlWriterMap, size);
  write(writer);
  return writer.result();
}

function serializeValue(type: string, value: unknown): Uint8Array {
  switch (type) {
    case "int":
      return writeWith(4, (w) => w.int(value as number));
    case "long":
      return writeWith(8, (w) => w.long(toLong(value)));
    case "int53":
      return writeWith(8, (w) => w.int53(value as number));
    case "double":
      return writeWith(8, (w) => w.double(value as number));
    case "string": {
      const bytes = new TextEncoder().encode(value as string);
      return writeWith(bytes.length + 8, (w) => w.bytes(bytes));
    }
    case "bytes":
      return writeWith(
        (value as Uint8Array).length + 8,
        (w) => w.bytes(value as Uint8Array),
      );
    case "Bool":
      if (typeof value !== "boolean") {
        throw new ResultTypeError(`expected a boolean, got ${typeof value}`);
      }
      return writeWith(4, (w) => w.uint(value ? BOOL_TRUE_ID : BOOL_FALSE_ID));
  }
  if (
    typeof value !== "object" || value === null ||
    typeof (value as TlObject)._ !== "string"
  ) {
    throw new ResultTypeError(
      `expected a ${type} object, got ${
        value === null ? "null" : typeof value
      }`,
    );
  }
  const actual = getSchema().byName.get((value as TlObject)._)?.type;
  if (actual !== type) {
    throw new ResultTypeError(
      `expected a ${type}, got ${(value as TlObject)._}`,
    );
  }
  return serializeObject(value as TlObject);
}

/** Serializes the result of `method` as its schema return type says. */
export function serializeResult(method: string, result: unknown): Uint8Array {
  const entry = getSchema().byName.get(method);
  if (!entry) throw new ResultTypeError(`unknown method ${method}`);
  if (!entry.typeModifiers?.isVector) return serializeValue(entry.type, result);
  if (!Array.isArray(result)) {
    throw new ResultTypeError(
      `${method} returns a vector, got ${typeof result}`,
    );
  }
  const header = writeWith(8, (w) => {
    w.uint(VECTOR_ID);
    w.uint(result.length);
  });
  return concat(
    header,
    ...result.map((item) => serializeValue(entry.type, item)),
  );
}

function longBytes(value: Long): Uint8Array {
  return writeWith(8, (w) => w.long(value));
}

/** rpc_result#f35c6d01 req_msg_id:long result:Object, gzip_packed when large and compressible. */
export function rpcResult(
  reqMsgId: Long,
  result: Uint8Array,
  { compress = true }: { compress?: boolean } = {},
): Uint8Array {
  let payload = result;
  if (compress && result.length >= GZIP_THRESHOLD) {
    const packed = new Uint8Array(gzipSync(result));
    if (packed.length + 8 < result.length) {
      payload = concat(
        writeWith(4, (w) => w.uint(GZIP_PACKED_ID)),
        writeWith(packed.length + 8, (w) => w.bytes(packed)),
      );
    }
  }
  return concat(
    writeWith(4, (w) => w.uint(RPC_RESULT_ID)),
    longBytes(reqMsgId),
    payload,
  );
}

/** rpc_error#2144ca19 error_code:int error_message:string. */
export function rpcError(code: number, message: string): Uint8Array {
  return serializeObject({
    _: "mt_rpc_error",
    errorCode: code,
    errorMessage: message,
  });
}

/**
 * future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt>, written by hand: the bare
 * vector of bare future_salt trips mtcute's writer (a client never writes it).
 */
export function futureSalts(
  reqMsgId: Long,
  now: number,
  salts: { validSince: number; validUntil: number; salt: Long }[],
) {
  return writeWith(20 + salts.length * 16, (w) => {
    w.uint(0xae500895);
    w.long(reqMsgId);
    w.int(now);
    w.uint(salts.length);
    for (const salt of salts) {
      w.int(salt.validSince);
      w.int(salt.validUntil);
      w.long(salt.salt);
    }
  });
}
