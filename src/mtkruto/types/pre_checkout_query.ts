/** PreCheckoutQuery in MTKruto's shape (types.md §7.4), from `updateBotPrecheckoutQuery`. */
import type { tl } from "@mtcute/core";
import { bytesAsText } from "./bytes_text.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { type OrderInfo, renderOrderInfo } from "./order_info.ts";
import { type PeerLookup, peerUser, type User } from "./peers.ts";

/** A buyer's confirmed order, which the bot must accept or refuse within 10 seconds. */
export interface PreCheckoutQuery {
  id: string;
  from: User;
  currency: string;
  totalAmount: number;
  invoicePayload: string;
  shippingOptionId?: string;
  orderInfo?: OrderInfo;
}

/** The PreCheckoutQuery of the update (payload decoded as text). Throws RenderError when the buyer did not come with it. */
export function renderPreCheckoutQuery(
  update: tl.RawUpdateBotPrecheckoutQuery,
  peers: PeerLookup,
): PreCheckoutQuery {
  return omitUndefined({
    id: update.queryId.toString(),
    from: peerUser(peers, update.userId),
    currency: update.currency,
    totalAmount: update.totalAmount.toNumber(),
    invoicePayload: bytesAsText(update.payload),
    shippingOptionId: update.shippingOptionId,
    orderInfo: update.info && renderOrderInfo(update.info),
  });
}
