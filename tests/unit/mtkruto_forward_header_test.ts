/** MTKruto's ForwardHeader from TL `messageFwdHeader` (types.md §13). */
import type { tl } from "@mtcute/core";
import { renderForwardHeader } from "../../src/mtkruto/types/forward_header.ts";
import { assertRendersAs } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  CHANNEL_ID,
  peerChannel,
  peerUser,
  rendered,
  SUPERGROUP_ID,
} from "./_mtkruto_message_fixtures.ts";

const header = (extra: Partial<tl.RawMessageFwdHeader>) =>
  renderForwardHeader(
    { _: "messageFwdHeader", date: 1767220000, ...extra },
    allPeers(),
  );

Deno.test("a channel post: the channel, the post id and the signature", () => {
  assertRendersAs(
    header({
      fromId: peerChannel(CHANNEL_ID),
      channelPost: 9,
      postAuthor: "Ed",
    }),
    {
      type: "channel",
      date: 1767220000,
      chat: rendered.channel(),
      messageId: 9,
      authorSignature: "Ed",
    },
  );
  assertRendersAs(header({ fromId: peerChannel(CHANNEL_ID), channelPost: 9 }), {
    type: "channel",
    date: 1767220000,
    chat: rendered.channel(),
    messageId: 9,
  });
});

Deno.test("a chat without a post id is a supergroup, its post author the title", () => {
  assertRendersAs(
    header({ fromId: peerChannel(SUPERGROUP_ID), postAuthor: "Admins" }),
    {
      type: "supergroup",
      date: 1767220000,
      chat: rendered.supergroup(),
      title: "Admins",
    },
  );
});

Deno.test("a user, a hidden sender by name, and nothing known", () => {
  assertRendersAs(header({ fromId: peerUser(ADA_ID), fromName: "ignored" }), {
    type: "user",
    date: 1767220000,
    user: rendered.adaUser(),
  });
  assertRendersAs(header({ fromName: "Anonymous" }), {
    type: "hidden",
    date: 1767220000,
    name: "Anonymous",
  });
  assertRendersAs(header({}), { type: "unsupported", date: 1767220000 });
});

Deno.test("a sender missing from the peers falls back to the name or unsupported (our divergence: MTKruto drops the message)", () => {
  assertRendersAs(header({ fromId: peerUser(99), fromName: "Someone" }), {
    type: "hidden",
    date: 1767220000,
    name: "Someone",
  });
  assertRendersAs(header({ fromId: peerChannel(5), channelPost: 1 }), {
    type: "unsupported",
    date: 1767220000,
  });
});
