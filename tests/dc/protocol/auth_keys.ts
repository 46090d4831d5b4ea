/** The auth keys a server knows. They outlive connections; a key's login lives here, not on a session. */
import type { CreatedAuthKey } from "./handshake.ts";
import { toHex } from "./crypto.ts";
import { SaltSchedule, unixNow } from "./salts.ts";

/** One auth key and what hangs off it. */
export interface AuthKeyRecord {
  readonly key: Uint8Array;
  /** The 8-byte auth_key_id as sent on the wire. */
  readonly id: Uint8Array;
  /** The auth_key_id as 16 hex digits (wire byte order). */
  readonly idHex: string;
  readonly salts: SaltSchedule;
  /** Unix time after which a temporary key is gone. */
  readonly expiresAt?: number;
  accountId: number | undefined;
}

/** In-memory registry of auth keys by id. */
export class AuthKeyRegistry {
  private readonly keys = new Map<string, AuthKeyRecord>();

  /** Registers a key that just came out of a handshake. */
  add(created: CreatedAuthKey): AuthKeyRecord {
    const record: AuthKeyRecord = {
      key: created.key,
      id: created.id,
      idHex: toHex(created.id),
      salts: new SaltSchedule(created.serverSalt),
      expiresAt: created.expiresIn === undefined
        ? undefined
        : unixNow() + created.expiresIn,
      accountId: undefined,
    };
    this.keys.set(record.idHex, record);
    return record;
  }

  /** The live key with this wire id; expired temporary keys are dropped on the way. */
  get(id: Uint8Array): AuthKeyRecord | undefined {
    const idHex = toHex(id);
    const record = this.keys.get(idHex);
    if (record?.expiresAt !== undefined && record.expiresAt <= unixNow()) {
      this.keys.delete(idHex);
      return undefined;
    }
    return record;
  }

  /** Whether an id is taken (a new key with it would be ambiguous). */
  has(id: Uint8Array): boolean {
    return this.keys.has(toHex(id));
  }

  delete(record: AuthKeyRecord): void {
    this.keys.delete(record.idHex);
  }
}
