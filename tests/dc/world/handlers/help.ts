/** `help.*`: the configuration clients fetch on connect. */
import type { tl } from "@mtcute/core";
import { anyone, type HandlerContext, type HandlerTable } from "./types.ts";

/** How long clients may cache the config before fetching it again. */
const CONFIG_LIFETIME_SECONDS = 3600;
/** Changing the app config's content requires bumping this, so clients refetch it. */
const APP_CONFIG_HASH = 1;

function config(ctx: HandlerContext): tl.RawConfig {
  const date = Math.floor(Date.now() / 1000);
  return {
    _: "config",
    date,
    expires: date + CONFIG_LIFETIME_SECONDS,
    testMode: false,
    thisDc: ctx.dc.id,
    // one server plays both the main and the media DC
    dcOptions: [false, true].map((mediaOnly): tl.RawDcOption => ({
      _: "dcOption",
      mediaOnly,
      id: ctx.dc.id,
      ipAddress: ctx.dc.hostname,
      port: ctx.dc.port,
    })),
    dcTxtDomainName: "localhost",
    chatSizeMax: 200,
    megagroupSizeMax: 200_000,
    forwardedCountMax: 100,
    onlineUpdatePeriodMs: 210_000,
    offlineBlurTimeoutMs: 5_000,
    offlineIdleTimeoutMs: 30_000,
    onlineCloudTimeoutMs: 300_000,
    notifyCloudDelayMs: 30_000,
    notifyDefaultDelayMs: 1_500,
    pushChatPeriodMs: 60_000,
    pushChatLimit: 2,
    editTimeLimit: 172_800,
    revokeTimeLimit: 2_147_483_647,
    revokePmTimeLimit: 2_147_483_647,
    ratingEDecay: 2_419_200,
    stickersRecentLimit: 200,
    channelsReadMediaPeriod: 604_800,
    callReceiveTimeoutMs: 20_000,
    callRingTimeoutMs: 90_000,
    callConnectTimeoutMs: 30_000,
    callPacketTimeoutMs: 10_000,
    meUrlPrefix: "https://t.me/",
    captionLengthMax: 1024,
    messageLengthMax: 4096,
    webfileDcId: ctx.dc.id,
  };
}

/** Handlers of the `help` namespace. */
export const helpHandlers: HandlerTable = {
  "help.getConfig": anyone((ctx) => config(ctx)),
  "help.getNearestDc": anyone((ctx) => ({
    _: "nearestDc",
    country: "US",
    thisDc: ctx.dc.id,
    nearestDc: ctx.dc.id,
  })),
  "help.getAppConfig": anyone((_ctx, params) =>
    params.hash === APP_CONFIG_HASH ? { _: "help.appConfigNotModified" } : {
      _: "help.appConfig",
      hash: APP_CONFIG_HASH,
      config: { _: "jsonObject", value: [] },
    }
  ),
};
