/**
 * The cost of rendering a Message in MTKruto's shape (TL in, JSON text out),
 * against the same message rendered the mtcute way (mtcute's Message object
 * encoded as the `mtcute.` methods answer), measured in the same run.
 */
import { Message as MtcuteMessage } from "@mtcute/core";
import type { tl } from "@mtcute/core";
import { renderMessage } from "../../src/mtkruto/types/message.ts";
import { encodeValue } from "../../src/tl/values.ts";
import { tlPhoto } from "../unit/_mtkruto_fixtures.ts";
import {
  allPeers,
  peerChannel,
  SUPERGROUP_ID,
  tlMediaMessage,
  tlMessage,
} from "../unit/_mtkruto_message_fixtures.ts";
import type { Section } from "./_stats.ts";

/** µs per call of `fn`, the median of `rounds` timed loops of `iterations` calls. */
function microseconds(
  fn: () => unknown,
  iterations: number,
  rounds = 5,
): number {
  for (let i = 0; i < iterations; i++) fn(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    times.push((performance.now() - started) * 1000 / iterations);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

/** Rendering one text and one photo message, MTKruto's shape vs mtcute's. */
export function benchRenderMessage({ iterations = 20_000 } = {}): Section {
  const peers = allPeers();
  const cases: [string, tl.RawMessage][] = [
    ["text, private chat (types.md §16.1)", tlMessage()],
    [
      "photo, supergroup (§16.3)",
      tlMediaMessage({ _: "messageMediaPhoto", photo: tlPhoto() }, {
        id: 1042,
        peerId: peerChannel(SUPERGROUP_ID),
      }),
    ],
  ];
  const rows = cases.map(([name, raw]) => {
    const mtkruto = microseconds(
      () => JSON.stringify(renderMessage(raw, peers)),
      iterations,
    );
    const mtcute = microseconds(
      () => JSON.stringify(encodeValue(new MtcuteMessage(raw, peers))),
      iterations,
    );
    return `| ${name} | ${mtkruto.toFixed(1)} µs | ${mtcute.toFixed(1)} µs | ${
      (mtkruto / mtcute).toFixed(2)
    } |`;
  });
  return {
    title: "Rendering a Message (MTKruto's shape)",
    markdown: [
      "Per message, TL in and JSON text out, the median of 5 loops of " +
      `${iterations} calls. Baseline: the same TL as mtcute's Message, encoded ` +
      "as `mtcute.` methods answer (getters walked, wrappers for dates and " +
      "64-bit ids). Target: MTKruto's shape ≤ 50 µs.",
      "",
      "| message | MTKruto's shape | mtcute's (baseline) | ratio |",
      "| --- | --- | --- | --- |",
      ...rows,
    ].join("\n"),
  };
}

if (import.meta.main) console.log(benchRenderMessage().markdown);
