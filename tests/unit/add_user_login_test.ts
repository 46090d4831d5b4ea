import { MtUnsupportedError, SentCode, tl, User } from "@mtcute/core";
import { assertEquals, assertMatch, assertRejects } from "../assert.ts";
import { logIn } from "../../src/add_user/login.ts";
import type { LoginClient } from "../../src/add_user/login.ts";
import type { Prompter } from "../../src/add_user/prompt.ts";
import { CommandError, EndOfInputError } from "../../src/add_user/errors.ts";

const ALICE = new User({
  _: "user",
  id: 1000001,
  firstName: "Alice",
} as tl.RawUser);

/** Answers questions from a script and records the conversation. */
class ScriptedPrompter implements Prompter {
  readonly transcript: string[] = [];
  constructor(readonly answers: string[]) {}

  ask(question: string): Promise<string> {
    return this.#answer(question);
  }
  askHidden(question: string): Promise<string> {
    return this.#answer(`[hidden] ${question}`);
  }
  say(line: string): void {
    this.transcript.push(line);
  }
  close(): void {}
  #answer(question: string): Promise<string> {
    this.transcript.push(question.trim());
    const answer = this.answers.shift();
    return answer === undefined
      ? Promise.reject(new EndOfInputError())
      : Promise.resolve(answer);
  }
}

interface FakeAccount {
  phone: string;
  code: string;
  password?: string;
  hint?: string;
  /** The first code sent has expired by the time it is typed. */
  expireFirstCode?: boolean;
  signUpRequired?: boolean;
}

/** A client playing Telegram's side of the login for one account. */
function fakeClient(account: FakeAccount): LoginClient & { calls: string[] } {
  const calls: string[] = [];
  let codesSent = 0;
  const fake = {
    calls,
    sendCode({ phone }: { phone: string }) {
      calls.push("sendCode");
      if (phone.replace(/\D/g, "") !== account.phone) {
        return Promise.reject(new tl.RpcError(400, "PHONE_NUMBER_INVALID"));
      }
      codesSent++;
      return Promise.resolve(
        new SentCode({
          _: "auth.sentCode",
          type: { _: "auth.sentCodeTypeSms", length: account.code.length },
          phoneCodeHash: `hash${codesSent}`,
        }),
      );
    },
    signIn(
      { phoneCode, phoneCodeHash }: {
        phoneCode: string;
        phoneCodeHash: string;
      },
    ) {
      calls.push("signIn");
      if (account.expireFirstCode && phoneCodeHash === "hash1") {
        return Promise.reject(new tl.RpcError(400, "PHONE_CODE_EXPIRED"));
      }
      if (phoneCode !== account.code) {
        return Promise.reject(new tl.RpcError(400, "PHONE_CODE_INVALID"));
      }
      if (account.signUpRequired) {
        return Promise.reject(
          new MtUnsupportedError("Signup is not supported"),
        );
      }
      if (account.password) {
        return Promise.reject(new tl.RpcError(401, "SESSION_PASSWORD_NEEDED"));
      }
      return Promise.resolve(ALICE);
    },
    call(request: { _: string }) {
      calls.push(request._);
      return Promise.resolve({ _: "account.password", hint: account.hint });
    },
    checkPassword({ password }: { password: string }) {
      calls.push("checkPassword");
      return password === account.password
        ? Promise.resolve(ALICE)
        : Promise.reject(new tl.RpcError(400, "PASSWORD_HASH_INVALID"));
    },
  };
  return fake as unknown as LoginClient & { calls: string[] };
}

Deno.test("logIn() signs in with phone and code", async () => {
  const prompter = new ScriptedPrompter(["+1 555 0001", "12345"]);
  const client = fakeClient({ phone: "15550001", code: "12345" });
  assertEquals(await logIn({ client, prompter }), ALICE);
  assertEquals(client.calls, ["sendCode", "signIn"]);
  assertEquals(
    prompter.transcript.includes("The login code was sent by SMS (5 digits)."),
    true,
  );
});

Deno.test("logIn() asks again after an invalid phone number, a wrong code and a wrong password", async () => {
  const prompter = new ScriptedPrompter([
    "",
    "not a phone",
    "+1 999",
    "+15550001",
    "00000",
    "12345",
    "wrong",
    "right",
  ]);
  const client = fakeClient({
    phone: "15550001",
    code: "12345",
    password: "right",
    hint: "the good one",
  });
  assertEquals(await logIn({ client, prompter }), ALICE);
  const said = prompter.transcript.join("\n");
  assertMatch(said, /Please type the account's phone number/);
  assertMatch(said, /That is not a phone number/);
  assertMatch(said, /Telegram says this phone number is invalid/);
  assertMatch(said, /That code is wrong; try again/);
  assertMatch(said, /\[hidden\] .*\(hint: the good one\)/);
  assertMatch(said, /Wrong password; try again/);
  // A fresh password challenge for each attempt.
  assertEquals(client.calls, [
    "sendCode",
    "sendCode",
    "signIn",
    "signIn",
    "account.getPassword",
    "checkPassword",
    "account.getPassword",
    "checkPassword",
  ]);
});

Deno.test("logIn() asks for a new code when the first one expired", async () => {
  const prompter = new ScriptedPrompter(["+15550001", "12345", "12345"]);
  const client = fakeClient({
    phone: "15550001",
    code: "12345",
    expireFirstCode: true,
  });
  assertEquals(await logIn({ client, prompter }), ALICE);
  assertEquals(client.calls, ["sendCode", "signIn", "sendCode", "signIn"]);
  assertMatch(prompter.transcript.join("\n"), /That code has expired/);
});

Deno.test("logIn() explains that a phone without an account must sign up elsewhere", async () => {
  const prompter = new ScriptedPrompter(["+15550001", "12345"]);
  const client = fakeClient({
    phone: "15550001",
    code: "12345",
    signUpRequired: true,
  });
  const error = await assertRejects(logIn({ client, prompter }), CommandError);
  assertMatch(error.message, /sign up with an official Telegram app/);
});

Deno.test("logIn() turns a long FLOOD_WAIT into a CommandError with the wait", async () => {
  const client = fakeClient({ phone: "15550001", code: "12345" });
  client.sendCode = () => {
    const error = new tl.RpcError(420, "FLOOD_WAIT_%d");
    (error as unknown as { seconds: number }).seconds = 300;
    return Promise.reject(error);
  };
  const error = await assertRejects(
    logIn({ client, prompter: new ScriptedPrompter(["+15550001"]) }),
    CommandError,
  );
  assertMatch(error.message, /wait 300 seconds/);
});

Deno.test("logIn() gives up when Telegram does not answer in time", async () => {
  const client = fakeClient({ phone: "15550001", code: "12345" });
  client.sendCode = (() => new Promise(() => {})) as LoginClient["sendCode"];
  const error = await assertRejects(
    logIn({
      client,
      prompter: new ScriptedPrompter(["+15550001"]),
      timeoutMs: 10,
    }),
    CommandError,
  );
  assertMatch(error.message, /did not answer within 0.01 seconds/);
});

Deno.test("logIn() passes the end of input on", async () => {
  const client = fakeClient({ phone: "15550001", code: "12345" });
  await assertRejects(
    logIn({ client, prompter: new ScriptedPrompter(["+15550001"]) }),
    EndOfInputError,
  );
});
