/** `stories.*`: posting, editing, deleting, pinning and fetching users' stories (see `stories_delivery.ts`). */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import { peerKind } from "../peer_keys.ts";
import { resolvePeer } from "../peers.ts";
import {
  deleteStories,
  editStory,
  getStoriesById,
  sendStory,
  togglePinned,
} from "../stories_delivery.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  usersOnly,
} from "./types.ts";

/** The poster a story method names: the caller itself; channels need boosts the emulator has none of. */
function ownPeer(ctx: AuthorizedContext, peer: tl.TypeInputPeer): number {
  const key = resolvePeer(ctx.state, ctx.self.id, peer);
  if (key === ctx.self.id) return key;
  if (peerKind(key) === "channel") throw new RpcFailure(400, "BOOSTS_REQUIRED");
  throw new RpcFailure(400, "PEER_ID_INVALID");
}

/** Handlers of the `stories` namespace. */
export const storiesHandlers: HandlerTable = {
  "stories.sendStory": usersOnly((ctx, params) =>
    sendStory(ctx, {
      posterId: ownPeer(ctx, params.peer),
      media: params.media,
      caption: params.caption,
      entities: params.entities,
      privacyRules: params.privacyRules,
      randomId: params.randomId,
      period: params.period,
      pinned: params.pinned,
      noforwards: params.noforwards,
      albums: params.albums,
    })
  ),
  "stories.editStory": usersOnly((ctx, params) =>
    editStory(ctx, {
      posterId: ownPeer(ctx, params.peer),
      id: params.id,
      media: params.media,
      caption: params.caption,
      entities: params.entities,
      privacyRules: params.privacyRules,
    })
  ),
  "stories.deleteStories": usersOnly((ctx, params) =>
    deleteStories(ctx, {
      posterId: ownPeer(ctx, params.peer),
      ids: params.id,
    })
  ),
  "stories.togglePinned": usersOnly((ctx, params) =>
    togglePinned(ctx, {
      posterId: ownPeer(ctx, params.peer),
      ids: params.id,
      pinned: params.pinned,
    })
  ),
  "stories.getStoriesByID": usersOnly((ctx, params) => {
    const key = resolvePeer(ctx.state, ctx.self.id, params.peer);
    // only users post stories here (see `ownPeer`): a chat has none
    if (peerKind(key) !== "user") {
      return {
        _: "stories.stories",
        count: 0,
        stories: [],
        chats: [],
        users: [],
      };
    }
    return getStoriesById(ctx, {
      viewerId: ctx.self.id,
      posterId: key,
      ids: params.id,
    });
  }),
};
