import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import type { tl } from "@mtcute/core";
import { UpdateLog } from "./update_log.ts";

const ACCOUNT = 1_000_001;
/** Event dates in the future, so each is later than the log's start. */
const PTS_DATES = Math.floor(Date.now() / 1000) + 1000;
const QTS_DATES = PTS_DATES + 1000;
const context = {
  users: () => [],
  chats: () => [],
  channelUpdates: [],
  unreadCount: 0,
};

/** A log with `pts` pts events and `qts` qts events (read marks and reaction counts stand in for any). */
function logWith(events: { pts: number; qts: number }, sliceSize = 100) {
  const log = new UpdateLog(sliceSize);
  for (let i = 0; i < events.pts; i++) {
    log.append(ACCOUNT, {
      ptsCount: 1,
      date: PTS_DATES + i,
      userIds: [],
      build: (pts): tl.RawUpdateReadHistoryOutbox => ({
        _: "updateReadHistoryOutbox",
        peer: { _: "peerUser", userId: 2 },
        maxId: i + 1,
        pts,
        ptsCount: 1,
      }),
    });
  }
  for (let i = 0; i < events.qts; i++) {
    log.appendQts(ACCOUNT, {
      date: QTS_DATES + i,
      userIds: [],
      build: (qts): tl.RawUpdateBotMessageReactions => ({
        _: "updateBotMessageReactions",
        peer: { _: "peerChannel", channelId: 5 },
        msgId: i + 1,
        date: QTS_DATES + i,
        reactions: [],
        qts,
      }),
    });
  }
  return log;
}

const kinds = (difference: tl.updates.TypeDifference) =>
  "otherUpdates" in difference
    ? difference.otherUpdates.map((u) =>
      "qts" in u ? `qts ${u.qts}` : "pts" in u ? `pts ${u.pts}` : u._
    )
    : [];

Deno.test("qts starts at 1 and counts one per event; getState reports it", () => {
  const log = logWith({ pts: 0, qts: 2 });
  const state = log.state(ACCOUNT, 0);
  assertEquals([state.pts, state.qts], [1, 3]);
  assertStrictEquals(log.qts(ACCOUNT), 3);
});

Deno.test("the difference carries pts and qts events; each sequence is sliced at its own limit", () => {
  const log = logWith({ pts: 3, qts: 3 });
  const all = log.difference(ACCOUNT, { pts: 1, qts: 1 }, context);
  assert(all._ === "updates.difference");
  assertEquals(kinds(all), [
    "pts 2",
    "pts 3",
    "pts 4",
    "qts 2",
    "qts 3",
    "qts 4",
  ]);
  assertEquals([all.state.pts, all.state.qts], [4, 4]);

  // the client had every pts event but the last qts one
  const qtsOnly = log.difference(ACCOUNT, { pts: 4, qts: 3 }, context);
  assertEquals(kinds(qtsOnly), ["qts 4"]);

  const slice = log.difference(
    ACCOUNT,
    { pts: 1, ptsLimit: 2, qts: 1, qtsLimit: 1 },
    context,
  );
  assert(slice._ === "updates.differenceSlice");
  assertEquals(kinds(slice), ["pts 2", "pts 3", "qts 2"]);
  const { pts, qts, date } = slice.intermediateState;
  // the latest of the events it holds
  assertEquals([pts, qts, date], [3, 2, QTS_DATES]);
  const rest = log.difference(ACCOUNT, { pts, qts, ptsLimit: 2 }, context);
  assert(rest._ === "updates.difference");
  assertEquals(kinds(rest), ["pts 4", "qts 3", "qts 4"]);

  // only the qts sequence sliced: the pts stays where the client is
  const qtsSlice = log.difference(
    ACCOUNT,
    { pts: 4, qts: 1, qtsLimit: 2 },
    context,
  );
  assert(qtsSlice._ === "updates.differenceSlice");
  assertEquals(
    [qtsSlice.intermediateState.pts, qtsSlice.intermediateState.qts],
    [4, 3],
  );
});

Deno.test("nothing new, or a qts ahead of the server's, is differenceEmpty", () => {
  const log = logWith({ pts: 1, qts: 1 });
  assertStrictEquals(
    log.difference(ACCOUNT, { pts: 2, qts: 2 }, context)._,
    "updates.differenceEmpty",
  );
  assertStrictEquals(
    log.difference(ACCOUNT, { pts: 2, qts: 50 }, context)._,
    "updates.differenceEmpty",
  );
});
