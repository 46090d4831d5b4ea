/** `phone.*`: group calls (video chats and live streams) of groups and channels (see `group_calls_delivery.ts`). */
import {
  createGroupCall,
  discardGroupCall,
  getGroupCall,
  getStreamChannels,
  joinGroupCall,
  leaveGroupCall,
  startScheduledGroupCall,
} from "../group_calls_delivery.ts";
import { resolvePeer } from "../peers.ts";
import { type HandlerTable, usersOnly } from "./types.ts";

/** Handlers of the group call methods of the `phone` namespace. */
export const phoneHandlers: HandlerTable = {
  "phone.createGroupCall": usersOnly((ctx, params) =>
    createGroupCall(ctx, {
      creatorId: ctx.self.id,
      chatKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      title: params.title,
      rtmp: params.rtmpStream,
      scheduleDate: params.scheduleDate,
    })
  ),
  "phone.startScheduledGroupCall": usersOnly((ctx, params) =>
    startScheduledGroupCall(ctx, { userId: ctx.self.id, call: params.call })
  ),
  "phone.discardGroupCall": usersOnly((ctx, params) =>
    discardGroupCall(ctx, { userId: ctx.self.id, call: params.call })
  ),
  "phone.getGroupCall": usersOnly((ctx, params) =>
    getGroupCall(ctx, {
      userId: ctx.self.id,
      call: params.call,
      limit: params.limit,
    })
  ),
  "phone.joinGroupCall": usersOnly((ctx, params) =>
    joinGroupCall(ctx, {
      userId: ctx.self.id,
      port: ctx.dc.port,
      call: params.call,
      joinAs: params.joinAs,
      params: params.params,
      muted: params.muted,
      videoStopped: params.videoStopped,
    })
  ),
  "phone.leaveGroupCall": usersOnly((ctx, params) =>
    leaveGroupCall(ctx, { userId: ctx.self.id, call: params.call })
  ),
  "phone.getGroupCallStreamChannels": usersOnly((ctx, params) =>
    getStreamChannels(ctx, { userId: ctx.self.id, call: params.call })
  ),
};
