/** Logging a user account in with the real `--add-user` CLI against the emulator, for tests that need a user endpoint. */
import { assert, assertEquals } from "../assert.ts";
import { clientArgs } from "./harness.ts";
import type { Dc } from "./harness.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
/** The phone `withWorld` gives Alice. */
const ALICE_PHONE = "15550001";

/**
 * Logs the account with `phone` (Alice's by default; it must exist in the
 * emulator, without 2FA) in with `--add-user`, answering its questions
 * through a pipe, into `dataDir`; returns the endpoint's user id. A gateway
 * already serving `dataDir` picks the new session up.
 */
export async function addUser(
  dc: Dc,
  dataDir: string,
  phone = ALICE_PHONE,
): Promise<string> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-all",
      `${ROOT}main.ts`,
      "--add-user",
      ...clientArgs(dc, dataDir),
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  const encoder = new TextEncoder();
  let questions = "";
  let onQuestion = () => {};
  // Read stderr to its end: a closed pipe would make the CLI fail on its next question.
  const drained = (async () => {
    for await (
      const chunk of child.stderr.pipeThrough(new TextDecoderStream())
    ) {
      questions += chunk;
      onQuestion();
    }
  })();
  const codeSent = new Promise<void>((resolve, reject) => {
    onQuestion = () => {
      if (/login code was sent/i.test(questions)) resolve();
    };
    drained.then(() =>
      reject(new Error(`--add-user ended before sending a code:\n${questions}`))
    );
  });
  const stdout = new Response(child.stdout).text();
  await writer.write(encoder.encode(`+${phone}\n`));
  await codeSent;
  const { code } = await dc.control<{ code: string }>(
    "GET",
    `/login-code?phone=${phone}`,
  );
  await writer.write(encoder.encode(`${code}\n`));
  await writer.close();
  const status = await child.status;
  const output = await stdout;
  await drained;
  assertEquals([status.code, questions.slice(-500)], [
    0,
    questions.slice(-500),
  ]);
  const [, userId] = output.match(/^\/(user[A-Za-z0-9_-]{22,64})$/m) ?? [];
  assert(userId, `an endpoint on stdout: ${output}`);
  return userId;
}
