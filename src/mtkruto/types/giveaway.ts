/** Giveaway in MTKruto's shape (types.md §8), from TL `messageMediaGiveaway`. */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";
import { markedPeerId } from "./peers.ts";

/** Who may win and when the winners are drawn. */
export interface GiveawayParameters {
  boostedChatId: number;
  additionalChatIds: number[];
  winnerSelectionDate: number;
  onlyNewMembers: boolean;
  countries: string[];
}

/** A giveaway announced in a channel. */
export interface Giveaway {
  parameters: GiveawayParameters;
  winnerCount: number;
  premiumMonthCount?: number;
  starCount?: number;
}

function channelId(channelId: number): number {
  return markedPeerId({ _: "peerChannel", channelId });
}

/** The Giveaway of a giveaway medium (the first channel is the boosted one; a zero star count is left out). */
export function renderGiveaway(media: tl.RawMessageMediaGiveaway): Giveaway {
  const [boosted, ...additional] = media.channels;
  return omitUndefined({
    parameters: {
      boostedChatId: channelId(boosted),
      additionalChatIds: additional.map(channelId),
      winnerSelectionDate: media.untilDate,
      onlyNewMembers: media.onlyNewSubscribers ?? false,
      countries: media.countriesIso2 ?? [],
    },
    winnerCount: media.quantity,
    premiumMonthCount: media.months,
    starCount: media.stars && !media.stars.isZero()
      ? media.stars.toNumber()
      : undefined,
  });
}
