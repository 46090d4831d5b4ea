import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import { createControl, createControlHandler } from "../control.ts";
import {
  botChatSetup,
  eventually,
  sendMedia,
  sentId,
} from "./_bots_testing.ts";
import { pushedMessages, pushedUpdates, rpcError } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** A Stars invoice for one item of `amount` Stars. */
function starsInvoice(
  amount = 50,
  overrides: Partial<tl.RawInputMediaInvoice> = {},
  invoice: Partial<tl.RawInvoice> = {},
): tl.RawInputMediaInvoice {
  return {
    _: "inputMediaInvoice",
    title: "Tea",
    description: "A cup of tea",
    payload: encode("order-1"),
    provider: "",
    providerData: { _: "dataJSON", data: "null" },
    invoice: {
      _: "invoice",
      currency: "XTR",
      prices: [{
        _: "labeledPrice",
        label: "Tea",
        amount: Long.fromInt(amount),
      }],
      ...invoice,
    },
    ...overrides,
  };
}

/** The bot has sent Ann a Stars invoice; the control API drives her payments. */
async function invoiceSent() {
  const setup = await botChatSetup();
  const { world, botMain, userPeer, user, bot } = setup;
  const sent = await sendMedia(world, botMain, userPeer, starsInvoice());
  const invoiceId = world.state.mailboxes.chat(user.id, bot.id).at(-1)!.id;
  const control = createControl(world);
  const handle = createControlHandler(control);
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await handle(
      new Request(`http://control${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  const pay = () =>
    request("POST", "/payments", {
      from: user.id,
      bot: bot.id,
      messageId: invoiceId,
    });
  return { ...setup, botInvoiceId: sentId(sent), invoiceId, request, pay };
}

function precheckoutQueries(
  updates: tl.TypeUpdate[],
): tl.RawUpdateBotPrecheckoutQuery[] {
  return updates.filter((u): u is tl.RawUpdateBotPrecheckoutQuery =>
    u._ === "updateBotPrecheckoutQuery"
  );
}

Deno.test("payments: a bot's Stars invoice reaches the user as messageMediaInvoice", async () => {
  const { world, user, bot, invoiceId } = await invoiceSent();
  const copy = world.state.mailboxes.get(user.id, invoiceId)!;
  assertStrictEquals(copy.senderId, bot.id);
  assert(copy.media?._ === "messageMediaInvoice");
  assertEquals(
    [
      copy.media.title,
      copy.media.description,
      copy.media.currency,
      copy.media.totalAmount.toNumber(),
      copy.media.startParam,
    ],
    ["Tea", "A cup of tea", "XTR", 50, ""],
  );
});

Deno.test("payments: invoices Telegram refuses", async () => {
  const { world, botMain, userMain, botPeer, userPeer } = await botChatSetup();
  const send = (media: tl.RawInputMediaInvoice) =>
    rpcError(sendMedia(world, botMain, userPeer, media));
  assertEquals(
    await rpcError(sendMedia(world, userMain, botPeer, starsInvoice())),
    "MEDIA_INVALID",
  );
  assertEquals(await send(starsInvoice(50, { title: "" })), "MEDIA_INVALID");
  assertEquals(
    await send(starsInvoice(50, { payload: new Uint8Array(0) })),
    "INVOICE_PAYLOAD_INVALID",
  );
  assertEquals(
    await send(starsInvoice(50, {}, { emailRequested: true })),
    "STARS_INVOICE_INVALID",
  );
  assertEquals(
    await send(starsInvoice(50, { provider: "123:TEST" })),
    "STARS_INVOICE_INVALID",
  );
  assertEquals(await send(starsInvoice(0)), "CURRENCY_TOTAL_AMOUNT_INVALID");
  assertEquals(
    await send(starsInvoice(50, {}, { currency: "EUR" })),
    "PAYMENT_PROVIDER_INVALID",
  );
  assertEquals(
    await send(starsInvoice(50, {
      providerData: { _: "dataJSON", data: "{" },
    })),
    "DATA_JSON_INVALID",
  );
  assertEquals(
    await send(starsInvoice(50, {
      photo: {
        _: "inputWebDocument",
        url: "https://example.org/tea.pdf",
        size: 0,
        mimeType: "application/pdf",
        attributes: [],
      },
    })),
    "WEBDOCUMENT_MIME_INVALID",
  );
});

Deno.test("payments: the bot accepts the pre-checkout query; each side gets its service message", async () => {
  const { world, botMain, userMain, user, bot, invoiceId, botInvoiceId, pay } =
    await invoiceSent();
  const paid = pay();
  const [query] = await eventually(() => {
    const found = precheckoutQueries(pushedUpdates(botMain));
    return found.length ? found : undefined;
  });
  assertEquals(
    [query.userId, new TextDecoder().decode(query.payload), query.currency],
    [user.id, "order-1", "XTR"],
  );
  assertStrictEquals(query.totalAmount.toNumber(), 50);
  assertStrictEquals(
    await invoke(world, botMain, {
      _: "messages.setBotPrecheckoutResults",
      queryId: query.queryId,
      success: true,
    }),
    true,
  );
  const answer = await paid;
  assertEquals([answer.status, answer.body.ok], [200, true]);
  const chargeId: string = answer.body.chargeId;

  const botNotice = pushedMessages(botMain).at(-1)!;
  assert(botNotice._ === "messageService" && !botNotice.out);
  assert(botNotice.action._ === "messageActionPaymentSentMe");
  assertEquals(botNotice.action.charge, {
    _: "paymentCharge",
    id: chargeId,
    providerChargeId: "",
  });
  assertEquals(new TextDecoder().decode(botNotice.action.payload), "order-1");
  assertStrictEquals(botNotice.replyTo?._, "messageReplyHeader");
  assertStrictEquals(
    botNotice.replyTo?._ === "messageReplyHeader" &&
      botNotice.replyTo.replyToMsgId,
    botInvoiceId,
  );
  const userNotice = pushedMessages(userMain).at(-1)!;
  assert(userNotice._ === "messageService" && userNotice.out);
  assertEquals(userNotice.action, {
    _: "messageActionPaymentSent",
    currency: "XTR",
    totalAmount: Long.fromInt(50),
  });
  assertStrictEquals(
    userNotice.replyTo?._ === "messageReplyHeader" &&
      userNotice.replyTo.replyToMsgId,
    invoiceId,
  );
  assertEquals(
    world.state.payments.chargesOf(bot.id).map((c) => [c.id, c.userId]),
    [[chargeId, user.id]],
  );
  // A query is answered once.
  assertEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.setBotPrecheckoutResults",
      queryId: query.queryId,
      success: true,
    })),
    "QUERY_ID_INVALID",
  );
});

Deno.test("payments: the bot refuses with an error the user sees; no error at all is ERROR_TEXT_EMPTY", async () => {
  const { world, botMain, bot, pay } = await invoiceSent();
  const paid = pay();
  const [query] = await eventually(() => {
    const found = precheckoutQueries(pushedUpdates(botMain));
    return found.length ? found : undefined;
  });
  assertEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.setBotPrecheckoutResults",
      queryId: query.queryId,
      error: " ",
    })),
    "ERROR_TEXT_EMPTY",
  );
  await invoke(world, botMain, {
    _: "messages.setBotPrecheckoutResults",
    queryId: query.queryId,
    error: "Sold out",
  });
  assertEquals(await paid, {
    status: 200,
    body: { ok: false, error: "Sold out" },
  });
  assertEquals(world.state.payments.chargesOf(bot.id), []);
});

Deno.test("payments: an unanswered pre-checkout query is a 504; a message that is no invoice is refused", async () => {
  const { world, user, bot, request, pay } = await invoiceSent();
  world.state.payments.queries.timeoutMs = 20;
  assertEquals(await pay(), {
    status: 504,
    body: { error: "BOT_RESPONSE_TIMEOUT" },
  });
  assertEquals(
    await request("POST", "/payments", {
      from: user.id,
      bot: bot.id,
      messageId: 999,
    }),
    { status: 400, body: { error: "MESSAGE_ID_INVALID" } },
  );
  assertEquals(
    (await request("POST", "/payments", { from: user.id, bot: bot.id }))
      .status,
    400,
  );
});

Deno.test("payments: a Stars charge is refunded once, with a notice to both sides", async () => {
  const { world, botMain, userMain, user, bot, request, pay } =
    await invoiceSent();
  const paid = pay();
  const [query] = await eventually(() => {
    const found = precheckoutQueries(pushedUpdates(botMain));
    return found.length ? found : undefined;
  });
  await invoke(world, botMain, {
    _: "messages.setBotPrecheckoutResults",
    queryId: query.queryId,
    success: true,
  });
  const chargeId: string = (await paid).body.chargeId;
  const userInput: tl.RawInputUser = {
    _: "inputUser",
    userId: user.id,
    accessHash: world.state.accounts.accessHash(bot.id, user.id),
  };
  const refund = (id: string, userId: tl.TypeInputUser = userInput) =>
    invoke(world, botMain, {
      _: "payments.refundStarsCharge",
      userId,
      chargeId: id,
    });
  assertEquals(await rpcError(refund("")), "CHARGE_ID_EMPTY");
  assertEquals(await rpcError(refund("stx-unknown")), "CHARGE_ID_INVALID");
  assertEquals(
    await rpcError(refund(chargeId, { _: "inputUserSelf" })),
    "USER_ID_INVALID",
  );
  assertEquals(
    await rpcError(invoke(world, userMain, {
      _: "payments.refundStarsCharge",
      userId: { _: "inputUserSelf" },
      chargeId,
    })),
    "USER_BOT_REQUIRED",
  );

  const result = await refund(chargeId);
  assert(result._ === "updates");
  const [update] = result.updates;
  assert(update._ === "updateNewMessage");
  const botNotice = update.message;
  assert(botNotice._ === "messageService" && !botNotice.out);
  assertEquals(botNotice.action, {
    _: "messageActionPaymentRefunded",
    peer: { _: "peerUser", userId: bot.id },
    currency: "XTR",
    totalAmount: Long.fromInt(50),
    charge: { _: "paymentCharge", id: chargeId, providerChargeId: "" },
    payload: encode("order-1"),
  });
  const userNotice = pushedMessages(userMain).at(-1)!;
  assert(userNotice._ === "messageService");
  assert(userNotice.action._ === "messageActionPaymentRefunded");
  // the payload is the bot's only
  assertStrictEquals(userNotice.action.payload, undefined);
  assertEquals(await rpcError(refund(chargeId)), "CHARGE_ALREADY_REFUNDED");
  const charges = await request("GET", `/payments?bot=${bot.id}`);
  assertEquals(charges.body, [{
    chargeId,
    providerChargeId: "",
    user: user.id,
    bot: bot.id,
    currency: "XTR",
    totalAmount: 50,
    payload: "order-1",
    refunded: true,
  }]);
});
