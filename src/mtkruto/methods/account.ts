/** The account's own user (methods.md §B.1). */
import { renderUser } from "../types/peers.ts";
import type { DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";

/** The account methods. */
export const ACCOUNT_METHODS: DialectMethod[] = [
  defineMethod("getMe", "both", [], "User", async (call) => {
    const me = await call.client.getMe();
    return renderUser(me.raw);
  }),
];
