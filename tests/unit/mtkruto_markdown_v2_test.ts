import { InputError } from "../../src/errors.ts";
import { parseMarkdownV2 } from "../../src/mtkruto/text/markdown_v2.ts";
import { fuzzParser } from "./_markup_fuzz.ts";
import type { MessageEntity } from "../../src/mtkruto/types/message_entity.ts";
import { assert, assertEquals, assertThrowsWithMessage } from "../assert.ts";

/** Each entity with the text it covers, to read failures at a glance. */
function covered(source: string): [string, string][] {
  const { text, entities } = parseMarkdownV2(source);
  return entities.map((
    e,
  ) => [e.type, text.slice(e.offset, e.offset + e.length)]);
}

function failsWith(source: string, ...parts: string[]): void {
  assertThrowsWithMessage(
    () => parseMarkdownV2(source),
    InputError,
    "Can't parse entities: ",
    ...parts,
  );
}

Deno.test("markdownV2: the Bot API's style examples", () => {
  const source = [
    "*bold \\*text*",
    "_italic \\*text_",
    "__underline__",
    "~strikethrough~",
    "||spoiler||",
    "*bold _italic bold ~italic bold strikethrough ||italic bold strikethrough spoiler||~ __underline italic bold___ bold*",
    "[inline URL](http://www.example.com/)",
    "[inline mention of a user](tg://user?id=123456789)",
    "![👍](tg://emoji?id=5368324170671202286)",
    "![22:45 tomorrow](tg://time?unix=1647531900&format=wDT)",
    "`inline fixed-width code`",
    "```",
    "pre-formatted fixed-width code block",
    "```",
    "```python",
    "pre-formatted fixed-width code block written in the Python programming language",
    "```",
  ].join("\n");
  const { text, entities } = parseMarkdownV2(source);
  assertEquals(
    text,
    [
      "bold *text",
      "italic *text",
      "underline",
      "strikethrough",
      "spoiler",
      "bold italic bold italic bold strikethrough italic bold strikethrough spoiler underline italic bold bold",
      "inline URL",
      "inline mention of a user",
      "👍",
      "22:45 tomorrow",
      "inline fixed-width code",
      "pre-formatted fixed-width code block\n",
      "pre-formatted fixed-width code block written in the Python programming language\n",
    ].join("\n"),
  );
  const expected: MessageEntity[] = [
    { type: "bold", offset: 0, length: 10 },
    { type: "italic", offset: 11, length: 12 },
    { type: "underline", offset: 24, length: 9 },
    { type: "strikethrough", offset: 34, length: 13 },
    { type: "spoiler", offset: 48, length: 7 },
    { type: "bold", offset: 56, length: 103 },
    { type: "italic", offset: 61, length: 93 },
    { type: "strikethrough", offset: 73, length: 59 },
    { type: "spoiler", offset: 99, length: 33 },
    { type: "underline", offset: 133, length: 21 },
    {
      type: "textLink",
      offset: 160,
      length: 10,
      url: "http://www.example.com/",
    },
    { type: "textMention", offset: 171, length: 24, userId: 123456789 },
    {
      type: "customEmoji",
      offset: 196,
      length: 2,
      customEmojiId: "5368324170671202286",
    },
    {
      type: "dateTime",
      offset: 199,
      length: 14,
      dateTime: 1647531900,
      format: "wDT",
    },
    { type: "code", offset: 214, length: 23 },
    { type: "pre", offset: 238, length: 37, language: "" },
    { type: "pre", offset: 276, length: 80, language: "python" },
  ];
  assertEquals(entities, expected);
});

Deno.test("markdownV2: block quotations, and the expandable one after an empty bold", () => {
  const source = [
    ">Block quotation started",
    ">Block quotation continued",
    ">The last line of the block quotation",
    "**>The expandable block quotation started right after the previous one",
    ">It is separated from the previous one by an empty bold entity",
    ">The last line of the expandable block quotation with the expandability mark||",
  ].join("\n");
  const { text, entities } = parseMarkdownV2(source);
  const first =
    "Block quotation started\nBlock quotation continued\nThe last line of the block quotation\n";
  const second = [
    "The expandable block quotation started right after the previous one",
    "It is separated from the previous one by an empty bold entity",
    "The last line of the expandable block quotation with the expandability mark",
  ].join("\n");
  assertEquals(text, first + second);
  assertEquals(entities, [
    { type: "blockquote", offset: 0, length: first.length },
    {
      type: "blockquote",
      offset: first.length,
      length: second.length,
      collapsible: true,
    },
  ]);
});

Deno.test("markdownV2: an expandable quote marked before a following line", () => {
  const { text, entities } = parseMarkdownV2(">hidden *part*||\nafter");
  assertEquals(text, "hidden part\nafter");
  assertEquals(entities, [
    { type: "blockquote", offset: 0, length: 12, collapsible: true },
    { type: "bold", offset: 7, length: 4 },
  ]);
  // In the middle of the text, ">" is an ordinary reserved character.
  failsWith("a >b", "character '>' at offset 2 is reserved");
});

Deno.test("markdownV2: escapes", () => {
  const reserved = "_*[]()~`>#+-=|{}.!\\";
  const escaped = [...reserved].map((c) => `\\${c}`).join("");
  assertEquals(parseMarkdownV2(escaped), { text: reserved, entities: [] });
  // Any ASCII character may be escaped; a non-ASCII one leaves the backslash.
  assertEquals(parseMarkdownV2("\\a\\é").text, "a\\é");
  // In code and pre only ` and \ are special.
  assertEquals(parseMarkdownV2("`a_b*c.d\\`e\\\\`"), {
    text: "a_b*c.d`e\\",
    entities: [{ type: "code", offset: 0, length: 10 }],
  });
  assertEquals(parseMarkdownV2("```\n*not bold* \\` ok```"), {
    text: "*not bold* ` ok",
    entities: [{ type: "pre", offset: 0, length: 15, language: "" }],
  });
  // In a link's (…) only ) and \ need it.
  assertEquals(
    parseMarkdownV2("[x](http://a.com/?q=(1\\)&r=_.)").entities,
    [{
      type: "textLink",
      offset: 0,
      length: 1,
      url: "http://a.com/?q=(1)&r=_.",
    }],
  );
});

Deno.test("markdownV2: nesting", () => {
  assertEquals(covered("*_~||x||~_*"), [
    ["bold", "x"],
    ["italic", "x"],
    ["strikethrough", "x"],
    ["spoiler", "x"],
  ]);
  assertEquals(covered("[*bold* link](https://t.me)"), [
    ["textLink", "bold link"],
    ["bold", "bold"],
  ]);
  assertEquals(covered("*bold `code` bold*"), [
    ["bold", "bold code bold"],
    ["code", "code"],
  ]);
  assertEquals(covered(">quoted `code`"), [
    ["blockquote", "quoted code"],
    ["code", "code"],
  ]);
  // The documented ambiguity: "__" is always read as underline, so the
  // closing "___" opens an underline; an empty bold separates the two.
  failsWith(
    "___italic underline___",
    "can't find the end of the italic entity",
  );
  assertEquals(covered("___italic underline_**__"), [
    ["underline", "italic underline"],
    ["italic", "italic underline"],
  ]);
  failsWith(
    "[a [b](https://b.com)](https://a.com)",
    "the link at offset 3 can't be inside the link that starts at offset 0",
  );
  failsWith(
    "[a `b`](https://a.com)",
    "the inline code at offset 3 can't be inside the link",
  );
});

Deno.test("markdownV2: empty entities are dropped", () => {
  assertEquals(parseMarkdownV2("a**b____c[](https://t.me)"), {
    text: "abc",
    entities: [],
  });
});

Deno.test("markdownV2: links take their text as URL, and mentions", () => {
  assertEquals(parseMarkdownV2("[https://t\\.me/x]").entities, [
    { type: "textLink", offset: 0, length: 14, url: "https://t.me/x" },
  ]);
  assertEquals(parseMarkdownV2("[x](t.me/x)").entities, [
    { type: "textLink", offset: 0, length: 1, url: "http://t.me/x" },
  ]);
  assertEquals(parseMarkdownV2("[x](TG://user?ID=42)").entities, [
    { type: "textMention", offset: 0, length: 1, userId: 42 },
  ]);
  assertEquals(parseMarkdownV2("[x](tg://resolve?domain=a)").entities, [
    { type: "textLink", offset: 0, length: 1, url: "tg://resolve?domain=a" },
  ]);
  assertEquals(parseMarkdownV2("![x](tg://time?unix=5)").entities, [
    { type: "dateTime", offset: 0, length: 1, dateTime: 5 },
  ]);
});

Deno.test("markdownV2: offsets are UTF-16 code units", () => {
  // 😀 and 𝕏 are two code units each; é one.
  const { text, entities } = parseMarkdownV2("😀 *b𝕏é* _😀_ `𝕏`");
  assertEquals(text, "😀 b𝕏é 😀 𝕏");
  assertEquals(entities, [
    { type: "bold", offset: 3, length: 4 },
    { type: "italic", offset: 8, length: 2 },
    { type: "code", offset: 11, length: 2 },
  ]);
  assertEquals(
    parseMarkdownV2("🎉![👍](tg://emoji?id=1)").entities,
    [{ type: "customEmoji", offset: 2, length: 2, customEmojiId: "1" }],
  );
});

Deno.test("markdownV2: a pre's language and its first line break", () => {
  assertEquals(parseMarkdownV2("```ts\r\nlet a;\n```"), {
    text: "let a;\n",
    entities: [{ type: "pre", offset: 0, length: 7, language: "ts" }],
  });
  // A word right before the closing ``` is text, not a language.
  assertEquals(parseMarkdownV2("```word```"), {
    text: "word",
    entities: [{ type: "pre", offset: 0, length: 4, language: "" }],
  });
});

Deno.test("markdownV2: malformed input is an InputError naming what and where", () => {
  failsWith("Hello.", "character '.' at offset 5 is reserved", "'\\'");
  failsWith("a|b", "character '|' at offset 1 is reserved");
  failsWith("a!b", "character '!' at offset 1 is reserved");
  failsWith(
    "😀 *bold",
    "can't find the end of the bold entity that starts at offset 3",
  );
  failsWith("__u", "the underline entity that starts at offset 0");
  failsWith("```\ncode", "the pre block that starts at offset 0");
  failsWith("`code", "the inline code that starts at offset 0");
  failsWith("[x](https://a.com", "the end of the URL that starts at offset 4");
  failsWith(
    "[x](javascript:alert(1\\))",
    "the link at offset 0",
    "not a valid URL",
  );
  failsWith("[x](ftp://a.com)", "unsupported scheme");
  failsWith("[word]", "the link at offset 0", '"word" is not a valid URL');
  failsWith(
    "[x](tg://user?id=abc)",
    "tg://user?id=abc",
    "not a valid user mention",
  );
  failsWith("[x](tg://user?id=0)", "not a valid user mention");
  failsWith("![x]", "must be followed by (tg://emoji?id=…)");
  failsWith("![x](https://a.com)", "neither a tg://emoji");
  failsWith("![x](tg://emoji?id=x)", 'the custom emoji id "x"');
  failsWith("![x](tg://time?unix=1&format=q)", 'the date format "q"');
  failsWith(
    ">quote *bold\nafter*",
    "the bold entity that starts at offset 7 before the blockquote ends at offset 12",
  );
});

Deno.test("markdownV2: a 100 KB input parses quickly", () => {
  const chunk = "*bold* _it_ [l](https://t.me) `c` \\. ";
  const source = chunk.repeat(Math.ceil(100_000 / chunk.length));
  const started = performance.now();
  const { entities } = parseMarkdownV2(source);
  assert(performance.now() - started < 1000, "took more than a second");
  assertEquals(entities.length, 4 * Math.ceil(100_000 / chunk.length));
  // Unclosed markup deep in a long input fails just as quickly.
  const unclosed = "[".repeat(1) + "a".repeat(100_000);
  failsWith(unclosed, "the link that starts at offset 0");
  const manyOpen = "```" + "x".repeat(100_000);
  failsWith(manyOpen, "the pre block");
});

Deno.test("markdownV2: random markup only ever throws InputError", () => {
  fuzzParser(parseMarkdownV2, [
    ..."_*[]()~`>|!\\\n\r a.",
    "😀",
    "```",
    "**>",
    "||",
    "tg://user?id=1",
    "tg://emoji?id=5",
    "https://t.me",
    "tg://time?unix=3&format=t",
  ], 20_000);
});
