import { InputError } from "../../src/errors.ts";
import { parseHtml } from "../../src/mtkruto/text/html.ts";
import { fuzzParser } from "./_markup_fuzz.ts";
import type { MessageEntity } from "../../src/mtkruto/types/message_entity.ts";
import { assert, assertEquals, assertThrowsWithMessage } from "../assert.ts";

/** Each entity with the text it covers, to read failures at a glance. */
function covered(source: string): [string, string][] {
  const { text, entities } = parseHtml(source);
  return entities.map((
    e,
  ) => [e.type, text.slice(e.offset, e.offset + e.length)]);
}

function failsWith(source: string, ...parts: string[]): void {
  assertThrowsWithMessage(
    () => parseHtml(source),
    InputError,
    "Can't parse entities: ",
    ...parts,
  );
}

Deno.test("html: the Bot API's style examples", () => {
  const source = [
    "<b>bold</b>, <strong>bold</strong>",
    "<i>italic</i>, <em>italic</em>",
    "<u>underline</u>, <ins>underline</ins>",
    "<s>strike</s>, <strike>strike</strike>, <del>strike</del>",
    '<span class="tg-spoiler">spoiler</span>, <tg-spoiler>spoiler</tg-spoiler>',
    '<b>bold <i>italic bold <s>italic bold strikethrough <span class="tg-spoiler">italic bold strikethrough spoiler</span></s> <u>underline italic bold</u></i> bold</b>',
    '<a href="http://www.example.com/">inline URL</a>',
    '<a href="tg://user?id=123456789">inline mention of a user</a>',
    '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    '<tg-time unix="1647531900" format="wDT">22:45 tomorrow</tg-time>',
    "<code>inline fixed-width code</code>",
    "<pre>pre-formatted fixed-width code block</pre>",
    '<pre><code class="language-python">pre-formatted code in Python</code></pre>',
    "<blockquote>Block quotation started\nThe last line</blockquote>",
    "<blockquote expandable>Expandable started\nHidden part</blockquote>",
  ].join("\n");
  const { text, entities } = parseHtml(source);
  assertEquals(
    text,
    [
      "bold, bold",
      "italic, italic",
      "underline, underline",
      "strike, strike, strike",
      "spoiler, spoiler",
      "bold italic bold italic bold strikethrough italic bold strikethrough spoiler underline italic bold bold",
      "inline URL",
      "inline mention of a user",
      "👍",
      "22:45 tomorrow",
      "inline fixed-width code",
      "pre-formatted fixed-width code block",
      "pre-formatted code in Python",
      "Block quotation started\nThe last line",
      "Expandable started\nHidden part",
    ].join("\n"),
  );
  const expected: MessageEntity[] = [
    { type: "bold", offset: 0, length: 4 },
    { type: "bold", offset: 6, length: 4 },
    { type: "italic", offset: 11, length: 6 },
    { type: "italic", offset: 19, length: 6 },
    { type: "underline", offset: 26, length: 9 },
    { type: "underline", offset: 37, length: 9 },
    { type: "strikethrough", offset: 47, length: 6 },
    { type: "strikethrough", offset: 55, length: 6 },
    { type: "strikethrough", offset: 63, length: 6 },
    { type: "spoiler", offset: 70, length: 7 },
    { type: "spoiler", offset: 79, length: 7 },
    { type: "bold", offset: 87, length: 103 },
    { type: "italic", offset: 92, length: 93 },
    { type: "strikethrough", offset: 104, length: 59 },
    { type: "spoiler", offset: 130, length: 33 },
    { type: "underline", offset: 164, length: 21 },
    {
      type: "textLink",
      offset: 191,
      length: 10,
      url: "http://www.example.com/",
    },
    { type: "textMention", offset: 202, length: 24, userId: 123456789 },
    {
      type: "customEmoji",
      offset: 227,
      length: 2,
      customEmojiId: "5368324170671202286",
    },
    {
      type: "dateTime",
      offset: 230,
      length: 14,
      dateTime: 1647531900,
      format: "wDT",
    },
    { type: "code", offset: 245, length: 23 },
    { type: "pre", offset: 269, length: 36, language: "" },
    { type: "pre", offset: 306, length: 28, language: "python" },
    { type: "blockquote", offset: 335, length: 37 },
    { type: "blockquote", offset: 373, length: 30, collapsible: true },
  ];
  assertEquals(entities, expected);
});

Deno.test("html: character references", () => {
  assertEquals(
    parseHtml("&lt;b&gt; &amp; &quot;x&quot; &#65;&#x42;&#X43; &#128512;")
      .text,
    '<b> & "x" ABC 😀',
  );
  // The ";" may be left out, and a lone "&" or ">" stays as it is (as Telegram allows).
  assertEquals(
    parseHtml("&lt &amp;amp Tom & Jerry > x").text,
    "< &amp Tom & Jerry > x",
  );
  // A surrogate pair written as two references makes one character.
  assertEquals(parseHtml("&#xD83D;&#xDE00;").text, "😀");
  // References in attribute values are decoded.
  assertEquals(
    parseHtml('<a href="https://a.com/?x=1&amp;y=2">l</a>').entities,
    [{ type: "textLink", offset: 0, length: 1, url: "https://a.com/?x=1&y=2" }],
  );
});

Deno.test("html: tags and attributes as Telegram reads them", () => {
  // Tag names are case-insensitive, values may be bare tokens or single-quoted, "</>" closes.
  assertEquals(covered("<B>x</b><I >y</>"), [["bold", "x"], ["italic", "y"]]);
  assertEquals(covered("<span class=tg-spoiler>s</span>"), [["spoiler", "s"]]);
  assertEquals(covered("<tg-emoji emoji-id=42>👍</tg-emoji>"), [[
    "customEmoji",
    "👍",
  ]]);
  assertEquals(
    parseHtml("<a href='tg://user?id=7' target=blank>m</a>").entities,
    [
      { type: "textMention", offset: 0, length: 1, userId: 7 },
    ],
  );
  // Without href the text is the URL; a bare host gets http://.
  assertEquals(parseHtml("<a>t.me/x</a>").entities, [
    { type: "textLink", offset: 0, length: 6, url: "http://t.me/x" },
  ]);
  assertEquals(
    parseHtml("<blockquote expandable='no'>q</blockquote>").entities,
    [
      { type: "blockquote", offset: 0, length: 1, collapsible: true },
    ],
  );
  // A language on a standalone code is ignored, as the Bot API says.
  assertEquals(parseHtml('<code class="language-js">x</code>').entities, [
    { type: "code", offset: 0, length: 1 },
  ]);
  assertEquals(parseHtml('<pre><code class="x">y</code></pre>').entities, [
    { type: "pre", offset: 0, length: 1, language: "" },
  ]);
  assertEquals(parseHtml("<tg-time unix=1>d</tg-time>").entities, [
    { type: "dateTime", offset: 0, length: 1, dateTime: 1 },
  ]);
  // Empty tags make no entity.
  assertEquals(parseHtml("a<b></b><a href='https://t.me'></a>b"), {
    text: "ab",
    entities: [],
  });
});

Deno.test("html: nesting", () => {
  assertEquals(covered("<a href='https://t.me'><b>bold</b> link</a>"), [
    ["textLink", "bold link"],
    ["bold", "bold"],
  ]);
  assertEquals(covered("<b><i>x</i></b>"), [["bold", "x"], ["italic", "x"]]);
  assertEquals(
    covered(
      "<blockquote><pre>p</pre> <a href='https://t.me'>l</a></blockquote>",
    ),
    [
      ["blockquote", "p l"],
      ["pre", "p"],
      ["textLink", "l"],
    ],
  );
  failsWith(
    "<code><b>x</b></code>",
    'the tag "b" at offset 6 can\'t be inside the tag "code" that starts at offset 0',
  );
  failsWith(
    "<a href='https://a.com'><a href='https://b.com'>x</a></a>",
    'the tag "a" at offset 24 can\'t be inside the tag "a"',
  );
  failsWith(
    "<a href='https://a.com'><code>x</code></a>",
    'the tag "code" at offset 24 can\'t be inside the tag "a"',
  );
  failsWith(
    "<blockquote><blockquote>x</blockquote></blockquote>",
    'the tag "blockquote" at offset 12 can\'t be inside the tag "blockquote"',
  );
  failsWith(
    "<pre>a<code>b</code></pre>",
    'the tag "code" at offset 6 can\'t be inside the tag "pre"',
  );
  failsWith(
    "<pre><code>a</code>b</pre>",
    'a "code" inside "pre" must hold all of the pre\'s text',
  );
});

Deno.test("html: offsets are UTF-16 code units", () => {
  const { text, entities } = parseHtml("😀 <b>𝕏é</b> &#128512;<i>😀</i>");
  assertEquals(text, "😀 𝕏é 😀😀");
  assertEquals(entities, [
    { type: "bold", offset: 3, length: 3 },
    { type: "italic", offset: 9, length: 2 },
  ]);
});

Deno.test("html: malformed input is an InputError naming what and where", () => {
  failsWith("1 < 2", '"<" at offset 2 starts no tag', "&lt;");
  failsWith("<br>", 'unsupported start tag "br" at offset 0');
  failsWith("x <b", "unclosed start tag at offset 2");
  failsWith("<b class='x", "the attribute value quoted at offset 9 never ends");
  failsWith(
    "<a href=https://t.me>x</a>",
    'unexpected ":" at offset 13',
    "quote the value",
  );
  failsWith('<a href="x"/>', 'unexpected "/" at offset 11 in the tag "a"');
  failsWith("😀<b>x", 'can\'t find the end tag of "b" that starts at offset 2');
  failsWith(
    "<b>x</i>",
    'unmatched end tag at offset 4: expected "</b>", found "</i>"',
  );
  failsWith("x</b>", "unexpected end tag at offset 1");
  failsWith("<b>x</b", "unclosed end tag at offset 4");
  failsWith(
    "<span>x</span>",
    'the tag "span" at offset 0 must have class="tg-spoiler"',
  );
  failsWith(
    "<tg-emoji>x</tg-emoji>",
    'the tag "tg-emoji" at offset 0',
    "custom emoji id",
  );
  failsWith(
    "<tg-emoji emoji-id='-1'>x</tg-emoji>",
    "not a positive 64-bit integer",
  );
  failsWith("<tg-time unix='x'>d</tg-time>", 'the Unix time "x"');
  failsWith("<tg-time unix=1 format=q>d</tg-time>", 'the date format "q"');
  failsWith("<a href='tg://user?id=x'>m</a>", "not a valid user mention");
  failsWith("<a href='javascript:alert(1)'>m</a>", "not a valid URL");
  failsWith("<a href='ftp://a.com'>m</a>", "unsupported scheme");
  failsWith("a&nbsp;b", 'unsupported HTML entity "&nbsp;" at offset 1');
  failsWith(
    "&#0;",
    'the character reference "&#0;" at offset 0 is not a valid code point',
  );
  failsWith("&#x110000;", "not a valid code point");
  failsWith("&#xD83D;", "unpaired surrogate");
});

Deno.test("html: a 100 KB input parses quickly", () => {
  const chunk = "<b>bold</b> <i>it</i> <a href='https://t.me'>l</a> &amp; ";
  const count = Math.ceil(100_000 / chunk.length);
  const started = performance.now();
  const { entities } = parseHtml(chunk.repeat(count));
  assert(performance.now() - started < 1000, "took more than a second");
  assertEquals(entities.length, 3 * count);
  // Deep nesting stays linear too.
  const deep = "<b>".repeat(20_000) + "x" + "</b>".repeat(20_000);
  assertEquals(parseHtml(deep).entities.length, 20_000);
  failsWith("<a href='" + "x".repeat(100_000), "never ends");
});

Deno.test("html: random markup only ever throws InputError", () => {
  fuzzParser(parseHtml, [
    ..."<>/&#x;bai\"'= ",
    "😀",
    "<b>",
    "</b>",
    "<a href='https://t.me'>",
    "</a>",
    "<pre>",
    "<code class='language-x'>",
    "</code>",
    "</pre>",
    "<blockquote expandable>",
    "</blockquote>",
    "&amp;",
    "&#xD83D;",
    "&#128512;",
    "<tg-emoji emoji-id=5>",
    "</tg-emoji>",
    "<span class=tg-spoiler>",
    "</span>",
    "</>",
  ], 20_000);
});
