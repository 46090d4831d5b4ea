/**
 * End to end: bot payments in Telegram Stars through MTKruto's dialect. The
 * bot sends an invoice with sendInvoice, Alice pays it through the
 * emulator's control API, the bot gets the preCheckoutQuery update and
 * answers with answerPreCheckoutQuery, receives the successfulPayment
 * service message, and refunds it with refundStarPayment.
 */
import { assert, assertEquals } from "../assert.ts";
import type { ControlMessage } from "../dc/control.ts";
import type {
  ControlCharge,
  ControlPaymentResult,
} from "../dc/control_payments.ts";
import { addUser } from "./_add_user.ts";
import { BotUpdates, type Message, ok } from "./_chats_world.ts";
import { startBot, withWorld } from "./harness.ts";
import type { Dc } from "./harness.ts";
import { callMethod as call } from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** sendInvoice's positional arguments for one cup of tea at `stars` Telegram Stars. */
function teaInvoice(chatId: number, stars = 50): unknown[] {
  return [chatId, "Tea", "A cup of tea", "order-1", "XTR", [{
    label: "Tea",
    amount: stars,
  }]];
}

/** The id, in Alice's box, of the newest message of her chat with the bot, and that message. */
async function newestInAlicesBox(
  dc: Dc,
  userId: number,
  botId: number,
): Promise<ControlMessage> {
  const chat = await dc.control<ControlMessage[]>(
    "GET",
    `/messages?user=${userId}&peer=${botId}`,
  );
  return chat.at(-1)!;
}

/** The parts of MTKruto's PreCheckoutQuery these tests look at. */
interface PreCheckoutQuery {
  id: string;
  from: { id: number; firstName: string };
  currency: string;
  totalAmount: number;
  invoicePayload: string;
}

type ServiceMessage = Message & {
  successfulPayment?: Record<string, unknown>;
  refundedPayment?: Record<string, unknown>;
  replyToMessage?: Message;
};

Deno.test(
  "dialect: a Stars invoice is paid after the bot's answerPreCheckoutQuery, then refunded with refundStarPayment",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const botBase = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      const updates = new BotUpdates(gateway, botBase);

      const invoice = await ok<Message & { invoice: unknown }>(
        gateway,
        botBase,
        "sendInvoice",
        teaInvoice(userId),
      );
      assertEquals(
        [invoice.type, invoice.isOutgoing, invoice.chat.id, invoice.from.id],
        ["invoice", true, userId, bot.id],
      );
      assertEquals(invoice.invoice, {
        title: "Tea",
        description: "A cup of tea",
        startParameter: "",
        currency: "XTR",
        totalAmount: 50,
      });
      assertEquals(Object.keys(invoice.invoice as object), [
        "title",
        "description",
        "startParameter",
        "currency",
        "totalAmount",
      ]);
      // An invoice is no captioned medium: no caption keys (types.md §4.3).
      assertEquals(
        ["caption", "captionEntities"].filter((key) => key in invoice),
        [],
      );
      const alicesInvoice = await newestInAlicesBox(dc, userId, bot.id);
      assertEquals([alicesInvoice.from, alicesInvoice.media], [bot.id, {
        type: "other",
        constructor: "messageMediaInvoice",
      }]);

      // Alice pays; the control call waits for the bot's answer.
      const paid = dc.control<ControlPaymentResult>("POST", "/payments", {
        from: userId,
        bot: bot.id,
        messageId: alicesInvoice.id,
      });
      // Awaited below; a failure meanwhile must not end the run before the assertions explain it.
      paid.catch(() => {});
      const asked = await updates.take(
        "preCheckoutQuery",
        (u) => u.type === "preCheckoutQuery",
      );
      const query = asked.preCheckoutQuery as PreCheckoutQuery;
      assertEquals(Object.keys(query), [
        "id",
        "from",
        "currency",
        "totalAmount",
        "invoicePayload",
      ]);
      assertEquals(
        [query.from.id, query.from.firstName, query.currency],
        [userId, "Alice", "XTR"],
      );
      assertEquals([query.totalAmount, query.invoicePayload], [50, "order-1"]);
      assert(/^-?\d+$/.test(query.id), `query id ${query.id}`);
      assertEquals(
        await ok(gateway, botBase, "answerPreCheckoutQuery", [query.id, true]),
        null,
      );
      const payment = await paid;
      assert(payment.ok, JSON.stringify(payment));

      const receipt = await updates.message(
        "message",
        userId,
        (m) => m.type === "successfulPayment",
      ) as ServiceMessage;
      assertEquals([receipt.isOutgoing, receipt.from.id], [false, userId]);
      assertEquals(receipt.successfulPayment, {
        currency: "XTR",
        totalAmount: 50,
        invoicePayload: "order-1",
        telegramPaymentChargeId: payment.chargeId,
        providerPaymentChargeId: "",
      });
      // The receipt replies to the invoice, fetched as MTKruto does.
      assertEquals(
        [receipt.replyToMessageId, receipt.replyToMessage?.type],
        [invoice.id, "invoice"],
      );
      assertEquals(
        (await newestInAlicesBox(dc, userId, bot.id)).action,
        "messageActionPaymentSent",
      );

      assertEquals(
        await ok(gateway, botBase, "refundStarPayment", [
          userId,
          payment.chargeId,
        ]),
        null,
      );
      const refund = await updates.message(
        "message",
        userId,
        (m) => m.type === "refundedPayment",
      ) as ServiceMessage;
      assertEquals(refund.refundedPayment, {
        currency: "XTR",
        totalAmount: 50,
        invoicePayload: "order-1",
        telegramPaymentChargeId: payment.chargeId,
        providerPaymentChargeId: "",
      });
      assertEquals(
        (await newestInAlicesBox(dc, userId, bot.id)).action,
        "messageActionPaymentRefunded",
      );
      const charges = await dc.control<ControlCharge[]>(
        "GET",
        `/payments?bot=${bot.id}`,
      );
      assertEquals(
        charges.map((c) => [c.chargeId, c.user, c.totalAmount, c.refunded]),
        [[payment.chargeId, userId, 50, true]],
      );
      const again = await call(gateway, botBase, "refundStarPayment", [
        userId,
        payment.chargeId,
      ]);
      assertEquals(
        [again.status, again.errorType, again.body],
        [400, "rpc", "CHARGE_ALREADY_REFUNDED"],
      );

      // The bot says no: Alice's payment fails with the bot's words, and nothing is charged.
      const refused = dc.control<ControlPaymentResult>("POST", "/payments", {
        from: userId,
        bot: bot.id,
        messageId: alicesInvoice.id,
      });
      refused.catch(() => {});
      const second = (await updates.take(
        "a second preCheckoutQuery",
        (u) => u.type === "preCheckoutQuery",
      )).preCheckoutQuery as PreCheckoutQuery;
      assert(second.id !== query.id);
      assertEquals(
        await ok(gateway, botBase, "answerPreCheckoutQuery", [
          second.id,
          false,
          { error: "Sold out, sorry" },
        ]),
        null,
      );
      assertEquals(await refused, { ok: false, error: "Sold out, sorry" });
      assertEquals(
        (await dc.control<ControlCharge[]>("GET", `/payments?bot=${bot.id}`))
          .length,
        1,
      );
      // An answered query cannot be answered again.
      const late = await call(gateway, botBase, "answerPreCheckoutQuery", [
        second.id,
        true,
      ]);
      assertEquals(
        [late.status, late.errorType, late.body],
        [400, "rpc", "QUERY_ID_INVALID"],
      );
    }),
);

Deno.test(
  "dialect: payments' bad arguments are 400s naming them; Telegram's refusals are rpc errors; users are refused",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const botBase = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      const expectInput = async (
        base: string,
        method: string,
        args: unknown[],
        message: string,
      ) => {
        const answer = await call(gateway, base, method, args);
        assertEquals(
          [method, answer.status, answer.errorType, answer.body],
          [method, 400, "input", message],
        );
      };
      await expectInput(
        botBase,
        "sendInvoice",
        [userId, "Tea", "A cup of tea", "order-1", "XTR", []],
        "Argument 6 of sendInvoice (prices) must hold at least one price tag ({label, amount}); got an empty array",
      );
      await expectInput(
        botBase,
        "answerPreCheckoutQuery",
        ["12345", false],
        "params.error must be a non-empty string when ok is false: it tells the buyer why the order cannot be completed",
      );
      await expectInput(
        botBase,
        "refundStarPayment",
        [userId, ""],
        "Argument 2 of refundStarPayment (telegramPaymentChargeId) must not be empty",
      );
      // Stars invoices have exactly one price tag: Telegram's rule, Telegram's error.
      const twoPrices = await call(gateway, botBase, "sendInvoice", [
        userId,
        "Tea",
        "A cup of tea",
        "order-1",
        "XTR",
        [{ label: "Tea", amount: 50 }, { label: "Cake", amount: 20 }],
      ]);
      assertEquals(
        [twoPrices.status, twoPrices.errorType, twoPrices.body],
        [400, "rpc", "STARS_INVOICE_INVALID"],
      );
      const unknownCharge = await call(gateway, botBase, "refundStarPayment", [
        userId,
        "stx-unknown",
      ]);
      assertEquals(
        [unknownCharge.status, unknownCharge.errorType, unknownCharge.body],
        [400, "rpc", "CHARGE_ID_INVALID"],
      );

      const userBase = `/${await addUser(dc, gateway.dataDir)}`;
      for (
        const [method, args] of [
          ["sendInvoice", teaInvoice(bot.id)],
          ["answerPreCheckoutQuery", ["12345", true]],
          ["refundStarPayment", [bot.id, "stx-any"]],
        ] as const
      ) {
        await expectInput(
          userBase,
          method,
          [...args],
          `${method}: not a bot client.`,
        );
      }
    }),
);
