/** `messages.getPollVotes`: the voters of a non-anonymous poll. */
import { resolvePeer } from "../peers.ts";
import { pollVotes } from "../poll_voters.ts";
import { type HandlerTable, usersOnly } from "./types.ts";

// Telegram hands out at most this many votes per page
const MAX_VOTES_PAGE = 100;

/** Handlers of the poll-voter methods of the `messages` namespace. */
export const pollsHandlers: HandlerTable = {
  "messages.getPollVotes": usersOnly((ctx, params) =>
    pollVotes(ctx.state, {
      viewerId: ctx.self.id,
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      msgId: params.id,
      option: params.option,
      offset: params.offset,
      limit: Math.min(Math.max(params.limit, 0), MAX_VOTES_PAGE),
    })
  ),
};
