/** Bots' side of payments (`payments_checkout.ts`): pre-checkout answers and Stars refunds. */
import { answerPrecheckout, refundStarsCharge } from "../payments_checkout.ts";
import { resolveUser } from "../peers.ts";
import { botsOnly, type HandlerTable } from "./types.ts";

/** Handlers of the bots' payment methods. */
export const paymentsHandlers: HandlerTable = {
  "messages.setBotPrecheckoutResults": botsOnly((ctx, params) => {
    answerPrecheckout(ctx, ctx.self.id, params);
    return true;
  }),
  "payments.refundStarsCharge": botsOnly((ctx, params) =>
    refundStarsCharge(ctx, ctx.self.id, {
      userId: resolveUser(ctx.state, ctx.self.id, params.userId),
      chargeId: params.chargeId,
    })
  ),
};
