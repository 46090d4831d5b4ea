import {
  assert,
  assertEquals,
  assertStrictEquals,
  rejection,
} from "../../assert.ts";
import { RpcFailure } from "../contract.ts";
import { errorCode } from "./faults.ts";
import { botSession, invoke } from "./_testing.ts";
import { World } from "./world.ts";

const GET_STATE = { _: "updates.getState" } as const;

Deno.test("error codes are derived from the text", () => {
  assertStrictEquals(errorCode("FLOOD_WAIT_3"), 420);
  assertStrictEquals(errorCode("AUTH_KEY_UNREGISTERED"), 401);
  assertStrictEquals(errorCode("INTERNAL"), 500);
  assertStrictEquals(errorCode("PEER_ID_INVALID"), 400);
  assertStrictEquals(errorCode("PHONE_MIGRATE_4"), 303);
});

Deno.test("a fault fires `times` times for its account and method", async () => {
  const world = new World();
  const { bot, session } = await botSession(world);
  world.state.faults.add({
    method: "updates.getState",
    account: bot.id,
    error: "FLOOD_WAIT_2",
    times: 2,
  });
  world.state.faults.add({
    method: "updates.getState",
    account: bot.id + 1,
    error: "INTERNAL",
  });
  for (let i = 0; i < 2; i++) {
    await rejection(
      invoke(world, session, GET_STATE),
      (e: unknown) =>
        e instanceof RpcFailure && e.code === 420 && e.text === "FLOOD_WAIT_2",
    );
  }
  assertStrictEquals(
    (await invoke(world, session, GET_STATE))._,
    "updates.state",
  );
});

Deno.test("faults add latency or drop the connection", async () => {
  const world = new World();
  const { session } = await botSession(world);
  world.state.faults.add({ method: "updates.getState", delayMs: 50, times: 1 });
  const started = Date.now();
  await invoke(world, session, GET_STATE);
  assert(Date.now() - started >= 45);
  world.state.faults.add({ method: "*", drop: true, times: 1 });
  await rejection(invoke(world, session, GET_STATE));
  assertStrictEquals(session.disconnects, 1);
  world.state.faults.clear();
  assertEquals(world.state.faults.list(), []);
});

Deno.test("the call log attributes logins to the account they log in", async () => {
  const world = new World();
  const { bot, session } = await botSession(world);
  await invoke(world, session, GET_STATE);
  await invoke(world, session, { _: "help.getConfig" });
  assertEquals(world.state.calls.of(bot.id), [
    "auth.importBotAuthorization",
    "updates.getState",
    "help.getConfig",
  ]);
  await rejection(
    invoke(world, session, { _: "messages.getDialogFilters" }),
    (e: unknown) => e instanceof RpcFailure && e.text === "METHOD_INVALID",
  );
});
