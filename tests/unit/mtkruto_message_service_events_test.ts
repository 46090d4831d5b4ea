/** MTKruto's payment, checklist, poll-option and screenshot service messages (types.md §4.4). */
import type { tl } from "@mtcute/core";
import { assertEquals } from "../assert.ts";
import { assertRendersAs, long } from "./_mtkruto_fixtures.ts";
import { ADA_ID, peerUser, serviceOf } from "./_mtkruto_message_fixtures.ts";

Deno.test("successfulPayment and refundedPayment, payloads decoded as text", () => {
  const charge: tl.RawPaymentCharge = {
    _: "paymentCharge",
    id: "tg-1",
    providerChargeId: "pr-1",
  };
  const payload = new TextEncoder().encode("order-7");
  assertRendersAs(
    serviceOf({
      _: "messageActionPaymentSentMe",
      currency: "EUR",
      totalAmount: long(350),
      payload,
      charge,
      shippingOptionId: "fast",
      info: {
        _: "paymentRequestedInfo",
        name: "Ada",
        shippingAddress: {
          _: "postAddress",
          streetLine1: "1 Main St",
          streetLine2: "",
          city: "London",
          state: "",
          countryIso2: "GB",
          postCode: "N1",
        },
      },
    }, { peerId: peerUser(ADA_ID) }),
    {
      type: "successfulPayment",
      successfulPayment: {
        currency: "EUR",
        totalAmount: 350,
        invoicePayload: "order-7",
        telegramPaymentChargeId: "tg-1",
        providerPaymentChargeId: "pr-1",
        shippingOptionId: "fast",
        orderInfo: {
          name: "Ada",
          shippingAddress: {
            countryCode: "GB",
            state: "",
            city: "London",
            streetLine1: "1 Main St",
            streetLine2: "",
            postCode: "N1",
          },
        },
      },
    },
  );
  assertRendersAs(
    serviceOf({
      _: "messageActionPaymentRefunded",
      peer: peerUser(ADA_ID),
      currency: "XTR",
      totalAmount: long(5),
      charge,
    }),
    {
      type: "refundedPayment",
      refundedPayment: {
        currency: "XTR",
        totalAmount: 5,
        invoicePayload: "",
        telegramPaymentChargeId: "tg-1",
        providerPaymentChargeId: "pr-1",
      },
    },
  );
});

Deno.test("checklist changes, poll option changes and screenshots (newest only)", () => {
  assertEquals(
    serviceOf({
      _: "messageActionTodoCompletions",
      completed: [1],
      incompleted: [2, 3],
    }),
    {
      type: "checklistChanged",
      checklistChanged: { checkedItems: [1], uncheckedItems: [2, 3] },
    },
  );
  assertEquals(
    serviceOf({
      _: "messageActionTodoAppendTasks",
      list: [{
        _: "todoItem",
        id: 4,
        title: { _: "textWithEntities", text: "Eggs", entities: [] },
      }],
    }),
    {
      type: "checklistExtended",
      checklistExtended: [{ type: "unchecked", id: 4, text: "Eggs" }],
    },
  );
  const answer: tl.RawPollAnswer = {
    _: "pollAnswer",
    text: { _: "textWithEntities", text: "Maybe", entities: [] },
    option: new Uint8Array([0x32]),
  };
  const option = {
    id: "2",
    text: "Maybe",
    entities: [],
    voterCount: 0,
    isChosen: false,
  };
  assertEquals(serviceOf({ _: "messageActionPollAppendAnswer", answer }), {
    type: "pollOptionAdded",
    pollOptionAdded: option,
  });
  assertEquals(serviceOf({ _: "messageActionPollDeleteAnswer", answer }), {
    type: "pollOptionRemoved",
    pollOptionRemoved: option,
  });
  assertEquals(serviceOf({ _: "messageActionScreenshotTaken" }), {
    type: "screenshotTaken",
  });
});
