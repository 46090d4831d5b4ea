/**
 * client/ is self-contained (it runs where the server's code does not), so
 * it keeps its own copies of the server's vocabularies; these tests keep the
 * copies equal to the server's.
 */
import { assertEquals } from "../assert.ts";
import { ERROR_TYPES as CLIENT_ERROR_TYPES } from "../../client/errors.ts";
import { UPDATE_KINDS as CLIENT_UPDATE_KINDS } from "../../client/updates.ts";
import { ERROR_TYPES } from "../../src/errors.ts";
import { UPDATE_KINDS } from "../../src/updates/kinds.ts";

Deno.test("client/ knows every update type the server sends, and no other", () => {
  assertEquals([...CLIENT_UPDATE_KINDS].sort(), [...UPDATE_KINDS].sort());
});

Deno.test("client/ knows every x-error-type the server sends, and no other", () => {
  assertEquals(CLIENT_ERROR_TYPES, { ...ERROR_TYPES });
});
