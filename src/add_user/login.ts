/**
 * The interactive login of a user account: phone number → login code → 2FA
 * password when the account has one. A mistake the operator can fix (an
 * invalid number, a wrong or expired code, a wrong password) is explained and
 * asked again; anything else ends the login with a CommandError.
 */
import type { User } from "@mtcute/core";
import { MtUnsupportedError, SentCode, tl } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import { withDeadline } from "./deadline.ts";
import { CommandError } from "./errors.ts";
import { describeSentCode, explainLoginFailure } from "./login_messages.ts";
import type { Prompter } from "./prompt.ts";

/** The client methods the login uses (a real TelegramClient, or a fake in tests). */
export type LoginClient = Pick<
  TelegramClient,
  "sendCode" | "signIn" | "checkPassword" | "call"
>;

/** Options of `logIn`. */
export interface LoginOptions {
  client: LoginClient;
  prompter: Prompter;
  /** Longest wait for one answer from Telegram, in milliseconds. Default 60 000. */
  timeoutMs?: number;
}

/** Where the login goes after a step. */
type Next =
  | { step: "code"; phone: string; sent: SentCode }
  | { step: "password" }
  | { step: "done"; user: User };

/**
 * Logs the client in by asking the operator; returns the account. Throws
 * CommandError when Telegram refuses for good or does not answer in time,
 * and InterruptedError / EndOfInputError from the prompter.
 */
export async function logIn(options: LoginOptions): Promise<User> {
  const login = new Login(options.client, options.prompter, {
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  try {
    let next: Next = await login.phoneStep();
    while (next.step === "code") next = await login.codeStep(next);
    return next.step === "done" ? next.user : await login.passwordStep();
  } catch (error) {
    throw explainLoginFailure(error);
  }
}

class Login {
  constructor(
    readonly client: LoginClient,
    readonly prompter: Prompter,
    readonly options: { timeoutMs: number },
  ) {}

  async phoneStep(): Promise<Next> {
    for (;;) {
      const phone = await this.prompter.ask(
        "Phone number, in international format (e.g. +15551234567): ",
      );
      if (phone === "") {
        this.prompter.say("Please type the account's phone number.");
        continue;
      }
      // The same rule as mtcute's normalizePhoneNumber, which would throw instead.
      if (!/^\d+$/.test(phone.replace(/[+()\s-]/g, ""))) {
        this.prompter.say(
          "That is not a phone number: type its digits with the country code, e.g. +15551234567.",
        );
        continue;
      }
      try {
        return await this.#sendCode(phone);
      } catch (error) {
        if (!tl.RpcError.is(error, "PHONE_NUMBER_INVALID")) throw error;
        this.prompter.say(
          "Telegram says this phone number is invalid; type it with its country code.",
        );
      }
    }
  }

  async codeStep(
    { phone, sent }: { phone: string; sent: SentCode },
  ): Promise<Next> {
    for (;;) {
      const code = await this.prompter.ask("Login code: ");
      if (code === "") {
        this.prompter.say("Please type the login code.");
        continue;
      }
      try {
        const user = await this.#telegram((abortSignal) =>
          this.client.signIn({
            phone,
            phoneCodeHash: sent.phoneCodeHash,
            phoneCode: code,
            abortSignal,
          })
        );
        return { step: "done", user };
      } catch (error) {
        if (error instanceof MtUnsupportedError) {
          // mtcute's answer to auth.authorizationSignUpRequired.
          throw new CommandError(
            "No Telegram account uses this phone number; sign up with an official Telegram app first.",
          );
        }
        if (!tl.RpcError.is(error)) throw error;
        if (error.is("SESSION_PASSWORD_NEEDED")) return { step: "password" };
        if (error.is("PHONE_CODE_INVALID") || error.is("PHONE_CODE_EMPTY")) {
          this.prompter.say("That code is wrong; try again.");
          continue;
        }
        if (!error.is("PHONE_CODE_EXPIRED")) throw error;
        this.prompter.say("That code has expired; asking for a new one…");
        return await this.#sendCode(phone);
      }
    }
  }

  async passwordStep(): Promise<User> {
    for (;;) {
      // A fresh SRP challenge for every attempt: Telegram accepts each one once.
      const passwordObj = await this.#telegram((abortSignal) =>
        this.client.call({ _: "account.getPassword" }, { abortSignal })
      );
      const hint = passwordObj.hint ? ` (hint: ${passwordObj.hint})` : "";
      const password = await this.prompter.askHidden(
        `The account has a two-step verification password${hint}.\n` +
          "Password (typing is not shown): ",
      );
      if (password === "") {
        this.prompter.say("Please type the password.");
        continue;
      }
      try {
        return await this.#telegram((abortSignal) =>
          this.client.checkPassword({ password, passwordObj, abortSignal })
        );
      } catch (error) {
        if (!tl.RpcError.is(error, "PASSWORD_HASH_INVALID")) throw error;
        this.prompter.say("Wrong password; try again.");
      }
    }
  }

  async #sendCode(phone: string): Promise<Next> {
    let result;
    try {
      result = await this.#telegram((abortSignal) =>
        this.client.sendCode({ phone, abortSignal })
      );
    } catch (error) {
      if (tl.RpcError.is(error, "SESSION_PASSWORD_NEEDED")) {
        return { step: "password" };
      }
      throw error;
    }
    // A future-auth token can log in without a code.
    if (!(result instanceof SentCode)) return { step: "done", user: result };
    if (result.type === "email_required") {
      throw new CommandError(
        "Telegram wants this account to set up a login email first; log in with an official app, then try again.",
      );
    }
    this.prompter.say(describeSentCode(result));
    return { step: "code", phone, sent: result };
  }

  /** Runs one request to Telegram, giving up after the timeout. */
  #telegram<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return withDeadline(run, this.options.timeoutMs);
  }
}
