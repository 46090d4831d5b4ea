/** `updates.*`: the common update state and its difference. */
import { type HandlerTable, loggedIn } from "./types.ts";

/** Handlers of the `updates` namespace. */
export const updatesHandlers: HandlerTable = {
  "updates.getState": loggedIn((ctx) =>
    ctx.state.updates.state(ctx.self.id, ctx.state.unreadCount(ctx.self.id))
  ),
  "updates.getDifference": loggedIn((ctx, params) => {
    const viewerId = ctx.self.id;
    return ctx.state.updates.difference(viewerId, params, {
      users: (ids) => ctx.state.users(ids, viewerId),
      unreadCount: ctx.state.unreadCount(viewerId),
    });
  }),
};
