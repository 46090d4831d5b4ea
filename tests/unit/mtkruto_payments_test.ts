/** MTKruto's payments: sendInvoice's inputs → mtcute's invoice, the pre-checkout answer's error, and PreCheckoutQuery (types.md §7.4). */
import { Long, type tl } from "@mtcute/core";
import {
  readArguments,
  signatureOf,
} from "../../src/mtkruto/methods/define.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";
import {
  toInvoiceMedia,
  toPrecheckoutError,
  toPriceTags,
} from "../../src/mtkruto/params/payments.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";
import { planUpdate } from "../../src/mtkruto/updates/from_tl.ts";
import { renderPreCheckoutQuery } from "../../src/mtkruto/types/pre_checkout_query.ts";
import { assertEquals } from "../assert.ts";
import { assertRendersAs, long } from "./_mtkruto_fixtures.ts";
import { ADA_ID, allPeers, rendered } from "./_mtkruto_message_fixtures.ts";
import { assertInputError } from "./_mtkruto_params_fixtures.ts";

const TEA = { _: "labeledPrice", label: "Tea", amount: Long.fromInt(50) };
const INVOICE = {
  title: "Tea",
  description: "A cup of tea",
  payload: "order-1",
  currency: "XTR",
  prices: [TEA] as tl.RawLabeledPrice[],
};

Deno.test("toPriceTags: {label, amount} → labeled prices; at least one, integer amounts", () => {
  assertEquals(
    toPriceTags([{ label: "Tea", amount: 50 }, {
      label: "Discount",
      amount: -5,
    }], "prices"),
    [TEA, { _: "labeledPrice", label: "Discount", amount: Long.fromInt(-5) }],
  );
  assertInputError(
    () => toPriceTags([], "prices"),
    "prices must hold at least one price tag ({label, amount}); got an empty array",
  );
  assertInputError(
    () => toPriceTags([{ label: "Tea", amount: 1.5 }], "prices"),
    "prices[0].amount must be an integer; got the number 1.5",
  );
  assertInputError(
    () => toPriceTags([{ amount: 1 }], "prices"),
    "prices[0].label must be a string; got nothing",
  );
});

Deno.test("toInvoiceMedia: a Stars invoice with MTKruto's defaults (no token, provider data null)", () => {
  assertEquals(toInvoiceMedia(INVOICE, {}, "params"), {
    type: "invoice",
    title: "Tea",
    description: "A cup of tea",
    payload: new TextEncoder().encode("order-1"),
    token: "",
    providerData: null,
    startParam: "",
    photo: undefined,
    invoice: {
      _: "invoice",
      currency: "XTR",
      prices: [TEA],
      maxTipAmount: undefined,
      suggestedTipAmounts: undefined,
      nameRequested: undefined,
      phoneRequested: undefined,
      emailRequested: undefined,
      shippingAddressRequested: undefined,
      emailToProvider: undefined,
      phoneToProvider: undefined,
      flexible: undefined,
    },
  });
});

Deno.test("toInvoiceMedia: every SendInvoiceParams key", () => {
  const media = toInvoiceMedia({ ...INVOICE, currency: "EUR" }, {
    providerToken: "284685063:TEST",
    maxTipAmount: 500,
    suggestedTipAmounts: [100, 200],
    startParameter: "tea",
    providerData: '{"receipt":true}',
    photoUrl: "https://example.org/tea.jpg",
    photoSize: 1000,
    photoWidth: 640,
    photoHeight: 480,
    isNameNeeded: true,
    isPhoneNumberNeeded: true,
    isEmailNeeded: true,
    isShippingAddressNeeded: true,
    isPhoneNumberSentToProvider: true,
    isEmailSentToProvider: true,
    isFlexible: true,
  }, "params");
  assertEquals(
    [media.token, media.providerData, media.startParam, media.photo],
    ["284685063:TEST", { receipt: true }, "tea", {
      _: "inputWebDocument",
      url: "https://example.org/tea.jpg",
      size: 1000,
      mimeType: "image/jpeg",
      attributes: [{ _: "documentAttributeImageSize", w: 640, h: 480 }],
    }],
  );
  assertEquals(media.invoice, {
    _: "invoice",
    currency: "EUR",
    prices: [TEA],
    maxTipAmount: Long.fromInt(500),
    suggestedTipAmounts: [Long.fromInt(100), Long.fromInt(200)],
    nameRequested: true,
    phoneRequested: true,
    emailRequested: true,
    shippingAddressRequested: true,
    emailToProvider: true,
    phoneToProvider: true,
    flexible: true,
  });
});

Deno.test("toInvoiceMedia: bad params name their key", () => {
  assertInputError(
    () => toInvoiceMedia(INVOICE, { providerData: "{" }, "params"),
    'params.providerData must be a JSON text; got the string "{"',
  );
  assertInputError(
    () => toInvoiceMedia(INVOICE, { suggestedTipAmounts: [0] }, "params"),
    "params.suggestedTipAmounts[0] must be an integer of at least 1; got the number 0",
  );
  assertInputError(
    () => toInvoiceMedia(INVOICE, { photoWidth: -1 }, "params"),
    "params.photoWidth must be an integer of at least 0; got the number -1",
  );
  assertInputError(
    () => toInvoiceMedia(INVOICE, { isFlexible: "yes" }, "params"),
    'params.isFlexible must be true or false; got the string "yes"',
  );
});

Deno.test("toPrecheckoutError: a no needs the error the buyer is shown", () => {
  assertEquals(toPrecheckoutError(true, {}, "params"), undefined);
  assertEquals(
    toPrecheckoutError(false, { error: "Sold out" }, "params"),
    "Sold out",
  );
  for (const params of [{}, { error: " " }]) {
    assertInputError(
      () => toPrecheckoutError(false, params, "params"),
      "params.error must be a non-empty string when ok is false: it tells the buyer why the order cannot be completed",
    );
  }
});

Deno.test("the payment methods: signatures, bots only, arguments named", () => {
  const names = ["sendInvoice", "answerPreCheckoutQuery", "refundStarPayment"];
  const methods = names.map((name) => dialectMethod(name)!);
  assertEquals(methods.map(signatureOf), [
    "sendInvoice(chatId: ID, title: string, description: string, payload: string, currency: string, prices: PriceTag[], params?: SendInvoiceParams): MessageInvoice",
    "answerPreCheckoutQuery(preCheckoutQueryId: string, ok: boolean, params?: AnswerPreCheckoutQueryParams): void",
    "refundStarPayment(userId: ID, telegramPaymentChargeId: string): void",
  ]);
  for (const method of methods) {
    assertInputError(
      () => readArguments(method, [], false),
      `${method.name}: not a bot client.`,
    );
  }
  const [sendInvoice, answer, refund] = methods;
  const invoiceArgs = [1, "Tea", "A cup of tea", "order-1", "XTR"];
  assertInputError(
    () => readArguments(sendInvoice, [1, "", ...invoiceArgs.slice(2)], true),
    'Argument 2 of sendInvoice (title) must be a string of 1 to 32 characters; got the string ""',
  );
  assertInputError(
    () =>
      readArguments(
        sendInvoice,
        [1, "Tea", "x".repeat(256), "order-1", "XTR", []],
        true,
      ),
    `Argument 3 of sendInvoice (description) must be a string of 1 to 255 characters; got the string "${
      "x".repeat(40)
    }…"`,
  );
  assertInputError(
    () => readArguments(sendInvoice, [...invoiceArgs, []], true),
    "Argument 6 of sendInvoice (prices) must hold at least one price tag ({label, amount}); got an empty array",
  );
  assertInputError(
    () => readArguments(answer, ["abc", true], true),
    'Argument 1 of answerPreCheckoutQuery (preCheckoutQueryId) must be a 64-bit integer written as a decimal string; got the string "abc"',
  );
  assertInputError(
    () => readArguments(answer, ["1", "yes"], true),
    'Argument 2 of answerPreCheckoutQuery (ok) must be true or false; got the string "yes"',
  );
  assertInputError(
    () => readArguments(refund, [ADA_ID, ""], true),
    "Argument 2 of refundStarPayment (telegramPaymentChargeId) must not be empty",
  );
});

const QUERY: tl.RawUpdateBotPrecheckoutQuery = {
  _: "updateBotPrecheckoutQuery",
  queryId: long("-4156887774564"),
  userId: ADA_ID,
  payload: new TextEncoder().encode("order-1"),
  currency: "XTR",
  totalAmount: long(50),
};

Deno.test("renderPreCheckoutQuery: MTKruto's keys and order; order info and shipping option when given", () => {
  assertRendersAs(renderPreCheckoutQuery(QUERY, allPeers()), {
    id: "-4156887774564",
    from: rendered.adaUser(),
    currency: "XTR",
    totalAmount: 50,
    invoicePayload: "order-1",
  });
  assertRendersAs(
    renderPreCheckoutQuery({
      ...QUERY,
      currency: "EUR",
      shippingOptionId: "fast",
      info: { _: "paymentRequestedInfo", name: "Ada", email: "ada@x.org" },
    }, allPeers()),
    {
      id: "-4156887774564",
      from: rendered.adaUser(),
      currency: "EUR",
      totalAmount: 50,
      invoicePayload: "order-1",
      shippingOptionId: "fast",
      orderInfo: { name: "Ada", email: "ada@x.org" },
    },
  );
});

Deno.test("updateBotPrecheckoutQuery is queued as a preCheckoutQuery update, once per query id", () => {
  const chats = new MessageChats(":memory:");
  try {
    assertEquals(planUpdate(QUERY, allPeers(), { chats }), {
      type: "preCheckoutQuery",
      identity: "preCheckoutQuery:-4156887774564",
      update: {
        type: "preCheckoutQuery",
        preCheckoutQuery: renderPreCheckoutQuery(QUERY, allPeers()),
      },
    });
  } finally {
    chats.close();
  }
});
