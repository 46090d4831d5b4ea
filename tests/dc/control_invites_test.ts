import type { tl } from "@mtcute/core";
import { assertEquals } from "../assert.ts";
import { createControl, createControlHandler } from "./control.ts";
import { chatPeer, chatSetup, pushedUpdates } from "./world/_chats_testing.ts";
import { invoke } from "./world/_testing.ts";

Deno.test("control: POST /chats/<id>/join-requests asks by a link that requires approval; GET shows requests and links", async () => {
  const { world, ann, annMain, bob, bot, chat } = await chatSetup("supergroup");
  const handle = createControlHandler(createControl(world));
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await handle(
      new Request(`http://control${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  const exportLink = async (requestNeeded?: true) =>
    (await invoke(world, annMain, {
      _: "messages.exportChatInvite",
      peer: chatPeer(world, ann.id, chat.key),
      requestNeeded,
    }) as tl.RawChatInviteExported).link;
  const path = `/chats/${chat.key}/join-requests`;
  const cat = world.state.accounts.createUser({
    phone: "15550102",
    firstName: "Cat",
  });
  const open = await exportLink();
  assertEquals((await send("POST", path, { user: cat.id })).status, 400);
  assertEquals(
    (await send("POST", path, { user: cat.id, link: open })).status,
    400,
  );
  const approval = await exportLink(true);
  assertEquals(await send("POST", path, { user: cat.id }), {
    status: 200,
    body: { ok: true },
  });
  assertEquals((await send("POST", path, { user: bot.id })).status, 400);
  assertEquals((await send("POST", path, { user: bob.id })).body, {
    error: "USER_ALREADY_PARTICIPANT",
  });
  assertEquals((await send("POST", path, { user: "cat" })).status, 400);
  const requests = await send("GET", path);
  assertEquals(requests.body.enabled, false);
  assertEquals(
    requests.body.pending.map((r: { user: number; link?: string }) => [
      r.user,
      r.link,
    ]),
    [[cat.id, approval]],
  );
  // Ann, the creator, is told of the pending request
  const pending = pushedUpdates(annMain).filter((u) =>
    u._ === "updatePendingJoinRequests"
  );
  assertEquals(pending.length, 1);
  const links = await send("GET", `/chats/${chat.key}/invite-links`);
  assertEquals(
    links.body.map((
      l: { link: string; admin: number; requestNeeded: boolean },
    ) => [l.link, l.admin, l.requestNeeded]),
    [[approval, ann.id, true], [open, ann.id, false]],
  );
  assertEquals((await send("GET", `/chats/-1009/join-requests`)).status, 400);
});
