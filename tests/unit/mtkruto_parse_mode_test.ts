import { Long } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { parseHtml } from "../../src/mtkruto/text/html.ts";
import { parseMarkdownV2 } from "../../src/mtkruto/text/markdown_v2.ts";
import {
  parseText,
  toParseMode,
  toTlEntities,
} from "../../src/mtkruto/text/parse_mode.ts";
import { renderEntities } from "../../src/mtkruto/types/message_entity.ts";
import {
  assertEquals,
  assertStrictEquals,
  assertThrowsWithMessage,
} from "../assert.ts";

function failsWith(run: () => unknown, ...parts: string[]): void {
  assertThrowsWithMessage(run, InputError, ...parts);
}

Deno.test("parseText: plain text keeps its markup", () => {
  for (const parseMode of [undefined, null]) {
    assertEquals(parseText("*a* <b>b</b>", { parseMode }, "params"), {
      text: "*a* <b>b</b>",
      entities: [],
    });
  }
});

Deno.test("parseText: both parse modes give TL entities", () => {
  assertEquals(parseText("*a* _b_", { parseMode: "Markdown" }, "params"), {
    text: "a b",
    entities: [
      { _: "messageEntityBold", offset: 0, length: 1 },
      { _: "messageEntityItalic", offset: 2, length: 1 },
    ],
  });
  assertEquals(parseText("<u>a</u>", { parseMode: "HTML" }, "params"), {
    text: "a",
    entities: [{ _: "messageEntityUnderline", offset: 0, length: 1 }],
  });
});

Deno.test("parseText: argument checks name the path and what was expected", () => {
  failsWith(
    () => parseText(5, {}, "params"),
    "text must be a string; got the number 5",
  );
  failsWith(
    () => parseText("x", { parseMode: "MarkdownV2" }, "params"),
    'params.parseMode must be "HTML", "Markdown" or null; got the string "MarkdownV2"',
  );
  failsWith(
    () => parseText("x", { entities: {} }, "params"),
    "params.entities must be an array of MessageEntity objects; got an object",
  );
  failsWith(
    () =>
      parseText("hello", {
        entities: [
          { type: "bold", offset: 0, length: 1 },
          { type: "italic", offset: 1, length: 1 },
          { type: "code", offset: 2, length: -1 },
        ],
      }, "params"),
    "params.entities[2].length must be a non-negative integer; got the number -1",
  );
  failsWith(
    () => parseText("*x", { parseMode: "Markdown" }, "params"),
    "text: Can't parse entities: can't find the end of the bold entity that starts at offset 0",
  );
  assertEquals(toParseMode("HTML", "p"), "HTML");
  assertEquals(toParseMode(null, "p"), null);
});

Deno.test("parseText: field names can be those of captions, polls …", () => {
  const where = {
    textName: "params.caption",
    parseModeKey: "captionParseMode",
    entitiesKey: "captionEntities",
  };
  failsWith(
    () => parseText(null, {}, "params", where),
    "params.caption must be a string; got null",
  );
  failsWith(
    () => parseText("x", { parseMode: 1 }, "params", where),
    "params.captionParseMode must be",
  );
  failsWith(
    () => parseText("x", { entities: [1] }, "params", where),
    "params.captionEntities[0] must be a MessageEntity object; got the number 1",
  );
  failsWith(
    () => parseText("<x>", { parseMode: "HTML" }, "params", where),
    "params.caption: Can't parse entities: unsupported start tag",
  );
});

Deno.test("parseText: empty text is refused unless allowed", () => {
  failsWith(() => parseText(" \n", {}, "params"), "text must not be empty");
  failsWith(
    () => parseText("**", { parseMode: "Markdown" }, "params"),
    "text must not be empty",
  );
  assertEquals(parseText("", {}, "params", { allowEmpty: true }), {
    text: "",
    entities: [],
  });
});

Deno.test("parseText: trailing whitespace is trimmed, entities cut to it (as MTKruto does)", () => {
  const code = '\nconsole.log("Hello, world!");';
  const expected = {
    text: code,
    entities: [{
      _: "messageEntityPre",
      offset: 0,
      length: code.length,
      language: "typescript",
    }],
  };
  const plain = `${code}\n\n`;
  assertEquals(
    parseText(plain, {
      entities: [{
        type: "pre",
        offset: 0,
        length: plain.length,
        language: "typescript",
      }],
    }, "params"),
    expected,
  );
  assertEquals(
    parseText(
      `<pre><code class="language-typescript">${code}\n\n</code></pre>`,
      { parseMode: "HTML" },
      "params",
    ),
    expected,
  );
  assertEquals(
    parseText(
      "```typescript\n" + `${code}\n\n` + "```",
      { parseMode: "Markdown" },
      "params",
    ),
    expected,
  );
  // An entity wholly in the trimmed part is dropped.
  assertEquals(
    parseText("a  ", {
      entities: [{ type: "bold", offset: 1, length: 2 }],
    }, "params").entities,
    [],
  );
});

Deno.test("parseText: explicit entities join the parsed ones (in the parsed text)", () => {
  assertEquals(
    parseText("😀 *ab* c", {
      parseMode: "Markdown",
      entities: [
        { type: "underline", offset: 5, length: 1 },
        { type: "italic", offset: 0, length: 4 },
      ],
    }, "params").entities,
    [
      { _: "messageEntityItalic", offset: 0, length: 4 },
      { _: "messageEntityBold", offset: 3, length: 2 },
      { _: "messageEntityUnderline", offset: 5, length: 1 },
    ],
  );
  failsWith(
    () =>
      parseText("*ab*", {
        parseMode: "Markdown",
        entities: [{ type: "bold", offset: 1, length: 3 }],
      }, "params"),
    "params.entities[0] ends at 4, past the end of the text (2 UTF-16 code units)",
  );
});

Deno.test("toTlEntities: every kind in mtcute's TL shape", () => {
  assertEquals(
    toTlEntities([
      { type: "mention", offset: 0, length: 1 },
      { type: "phoneNumber", offset: 0, length: 1 },
      { type: "strikethrough", offset: 0, length: 1 },
      { type: "pre", offset: 0, length: 1, language: "go" },
      { type: "pre", offset: 0, length: 1 },
      { type: "textLink", offset: 0, length: 1, url: "https://t.me" },
      { type: "textLink", offset: 0, length: 1, url: "tg://user?id=5" },
      { type: "textMention", offset: 0, length: 1, userId: 6 },
      { type: "blockquote", offset: 0, length: 1, collapsible: true },
      { type: "blockquote", offset: 0, length: 1, collapsible: false },
      {
        type: "customEmoji",
        offset: 0,
        length: 2,
        customEmojiId: "5368324170671202286",
      },
      { type: "dateTime", offset: 0, length: 1, dateTime: 9 },
      { type: "dateTime", offset: 0, length: 1, dateTime: 9, format: "wdT" },
      { type: "dateTime", offset: 0, length: 1, dateTime: 9, format: "r" },
    ], "params.entities"),
    [
      { _: "messageEntityMention", offset: 0, length: 1 },
      { _: "messageEntityPhone", offset: 0, length: 1 },
      { _: "messageEntityStrike", offset: 0, length: 1 },
      { _: "messageEntityPre", offset: 0, length: 1, language: "go" },
      { _: "messageEntityPre", offset: 0, length: 1, language: "" },
      { _: "messageEntityTextUrl", offset: 0, length: 1, url: "https://t.me" },
      // mtcute resolves messageEntityMentionName to the user's input entity.
      { _: "messageEntityMentionName", offset: 0, length: 1, userId: 5 },
      { _: "messageEntityMentionName", offset: 0, length: 1, userId: 6 },
      { _: "messageEntityBlockquote", offset: 0, length: 1, collapsed: true },
      { _: "messageEntityBlockquote", offset: 0, length: 1 },
      {
        _: "messageEntityCustomEmoji",
        offset: 0,
        length: 2,
        documentId: Long.fromString("5368324170671202286"),
      },
      { _: "messageEntityFormattedDate", offset: 0, length: 1, date: 9 },
      {
        _: "messageEntityFormattedDate",
        offset: 0,
        length: 1,
        date: 9,
        dayOfWeek: true,
        shortDate: true,
        longTime: true,
      },
      {
        _: "messageEntityFormattedDate",
        offset: 0,
        length: 1,
        date: 9,
        relative: true,
      },
    ],
  );
  assertEquals(toTlEntities(undefined, "p"), []);
  assertEquals(toTlEntities(null, "p"), []);
});

Deno.test("toTlEntities: each field is checked, errors name index and field", () => {
  const cases: [unknown, ...string[]][] = [
    [null, "p[0] must be a MessageEntity object; got null"],
    [
      { type: "bolder", offset: 0, length: 1 },
      "p[0].type must be one of mention,",
    ],
    [{ offset: 0, length: 1 }, "p[0].type must be one of"],
    [
      { type: "bold", offset: 0.5, length: 1 },
      "p[0].offset must be a non-negative integer; got the number 0.5",
    ],
    [
      { type: "bold", offset: "0", length: 1 },
      'p[0].offset must be a non-negative integer; got the string "0"',
    ],
    [
      { type: "bold", offset: 0 },
      "p[0].length must be a non-negative integer; got nothing",
    ],
    [
      { type: "pre", offset: 0, length: 1, language: 1 },
      "p[0].language must be a string",
    ],
    [
      { type: "textLink", offset: 0, length: 1 },
      "p[0].url must be a non-empty string; got nothing",
    ],
    [
      { type: "textLink", offset: 0, length: 1, url: "tg://user?id=-3" },
      "p[0].url: ",
      "not a valid user mention",
    ],
    [
      { type: "textMention", offset: 0, length: 1, userId: "5" },
      "p[0].userId must be a user id (a positive integer)",
    ],
    [
      { type: "textMention", offset: 0, length: 1, userId: 0 },
      "p[0].userId must be a user id",
    ],
    [
      { type: "blockquote", offset: 0, length: 1, collapsible: 1 },
      "p[0].collapsible must be true or false",
    ],
    [
      { type: "customEmoji", offset: 0, length: 1, customEmojiId: 5 },
      "p[0].customEmojiId must be a custom emoji id as a decimal string",
    ],
    [{
      type: "customEmoji",
      offset: 0,
      length: 1,
      customEmojiId: "99999999999999999999",
    }, "p[0].customEmojiId must be"],
    [
      { type: "dateTime", offset: 0, length: 1 },
      "p[0].dateTime must be a date in Unix seconds",
    ],
    [
      { type: "dateTime", offset: 0, length: 1, dateTime: 2 ** 31 },
      "p[0].dateTime must be",
    ],
    [
      { type: "dateTime", offset: 0, length: 1, dateTime: 1, format: "x" },
      'p[0].format must be "r" (relative), or letters among',
    ],
    [
      { type: "dateTime", offset: 0, length: 1, dateTime: 1, format: "rt" },
      "p[0].format must be",
    ],
  ];
  for (const [entity, ...parts] of cases) {
    failsWith(() => toTlEntities([entity], "p"), ...parts);
  }
  failsWith(
    () => toTlEntities("bold", "p"),
    "p must be an array of MessageEntity objects; got the string",
  );
});

Deno.test("parseText: parsed entities round-trip through renderEntities", () => {
  const markdown = [
    "*bold _italic_* __u__ ~s~ ||sp||",
    "[link](https://t.me/x) [mention](tg://user?id=42)",
    "![👍](tg://emoji?id=5368324170671202286) ![d](tg://time?unix=1647531900&format=wDT)",
    "`code` ```go\nfmt```",
    ">quote",
    "**>more||",
  ].join("\n");
  const html = [
    "<b>bold <i>italic</i></b> <u>u</u> <s>s</s> <tg-spoiler>sp</tg-spoiler>",
    '<a href="https://t.me/x">link</a> <a href="tg://user?id=42">mention</a>',
    '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> <tg-time unix="1647531900" format="wDT">d</tg-time>',
    '<code>code</code> <pre><code class="language-go">fmt</code></pre>',
    "<blockquote>quote</blockquote><blockquote expandable>more</blockquote>",
  ].join("\n");
  for (
    const [source, parseMode, parse] of [
      [markdown, "Markdown", parseMarkdownV2],
      [html, "HTML", parseHtml],
    ] as const
  ) {
    const parsed = parse(source);
    const input = parseText(source, { parseMode }, "params");
    assertStrictEquals(input.text, parsed.text);
    assertEquals(renderEntities(input.entities), parsed.entities);
    assertEquals(
      new Set(parsed.entities.map((e) => e.type)).size,
      12,
      "every kind the parse modes make is covered",
    );
  }
});

Deno.test("toTlEntities: round-trips through renderEntities", () => {
  const entities = [
    { type: "hashtag", offset: 0, length: 3 },
    { type: "pre", offset: 1, length: 2, language: "" },
    { type: "textMention", offset: 2, length: 1, userId: 9 },
    { type: "customEmoji", offset: 3, length: 2, customEmojiId: "12" },
    { type: "blockquote", offset: 5, length: 1, collapsible: true },
    { type: "dateTime", offset: 6, length: 1, dateTime: 3, format: "wDt" },
  ];
  assertEquals(renderEntities(toTlEntities(entities, "p")), entities);
});
