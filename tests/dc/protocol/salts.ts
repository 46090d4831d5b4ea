/**
 * Server salts of one auth key. As on Telegram, a new salt starts every 30
 * minutes and each stays valid for an hour, so consecutive salts overlap; the
 * salt handed out by the handshake is valid for the first 30 minutes.
 */
import { Long } from "@mtcute/core";
import { randomBytes } from "./crypto.ts";

/** Seconds between the starts of consecutive salts. */
export const SALT_PERIOD = 1800;
/** How long each salt is accepted. */
export const SALT_LIFETIME = 3600;
/** `get_future_salts` answers at most this many. */
export const MAX_FUTURE_SALTS = 64;

/** One salt and when it is valid, in unix seconds. */
export interface FutureSalt {
  validSince: number;
  validUntil: number;
  salt: Long;
}

function randomSalt(): Long {
  const bytes = randomBytes(8);
  const view = new DataView(bytes.buffer);
  return new Long(view.getInt32(0, true), view.getInt32(4, true));
}

/** Current unix time in seconds. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

/** The salt schedule of one auth key. */
export class SaltSchedule {
  /** Salt of each period, by period number (unix time / SALT_PERIOD). */
  private readonly byPeriod = new Map<number, Long>();
  private readonly initial: FutureSalt;

  /** `initial` is the handshake's salt (new_nonce[0:8] XOR server_nonce[0:8]). */
  constructor(initial: Long, now = unixNow()) {
    this.initial = {
      validSince: now,
      validUntil: now + SALT_PERIOD,
      salt: initial,
    };
  }

  private periodSalt(period: number): FutureSalt {
    let salt = this.byPeriod.get(period);
    if (!salt) {
      salt = randomSalt();
      this.byPeriod.set(period, salt);
      // Periods long gone can never be valid again.
      for (const old of this.byPeriod.keys()) {
        if (old < period - 4) this.byPeriod.delete(old);
      }
    }
    const validSince = period * SALT_PERIOD;
    return { validSince, validUntil: validSince + SALT_LIFETIME, salt };
  }

  /** Whether a client may use `salt` at time `now`. */
  isValid(salt: Long, now = unixNow()): boolean {
    if (salt.eq(this.initial.salt) && now < this.initial.validUntil) {
      return true;
    }
    const period = Math.floor(now / SALT_PERIOD);
    return [period, period - 1].some((p) => {
      const candidate = this.periodSalt(p);
      return candidate.salt.eq(salt) && now >= candidate.validSince &&
        now < candidate.validUntil;
    });
  }

  /** The salt a client should use now (the newest valid one). */
  current(now = unixNow()): Long {
    if (now < this.initial.validUntil) return this.initial.salt;
    return this.periodSalt(Math.floor(now / SALT_PERIOD)).salt;
  }

  /** Up to `count` salts ordered by start, the first one valid now. */
  future(count: number, now = unixNow()): FutureSalt[] {
    const salts: FutureSalt[] = [];
    const first = Math.floor(now / SALT_PERIOD);
    if (now < this.initial.validUntil) salts.push(this.initial);
    for (
      let p = first + (salts.length ? 1 : 0);
      salts.length < Math.min(count, MAX_FUTURE_SALTS);
      p++
    ) {
      salts.push(this.periodSalt(p));
    }
    return salts;
  }
}
