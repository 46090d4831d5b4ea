/** The emulator's control API: set up the world and look into it, in-process (`Control`) or over HTTP. */
import { Long } from "@mtcute/core";
import { RpcFailure } from "./contract.ts";
import { normalizePhone } from "./world/accounts.ts";
import { sendMessages } from "./world/delivery.ts";
import { type FaultRule, parseFaultRule } from "./world/faults.ts";
import type { BoxMessage } from "./world/mailboxes.ts";
import { createPasswordVerifier } from "./world/srp.ts";
import type { World } from "./world/world.ts";

/** A message as the control API shows it. */
export interface ControlMessage {
  /** The id in the queried user's box. */
  id: number;
  from: number;
  to: number;
  text: string;
  /** Unix seconds. */
  date: number;
  editDate?: number;
  replyToId?: number;
  forwardedFrom?: number;
  media?: {
    type: "document" | "photo";
    id: string;
    size: number;
    mimeType?: string;
    fileName?: string;
  };
}

/** The control API as an object. */
export interface Control {
  /** Creates a bot with a fresh token. */
  createBot(
    input: { username: string; firstName?: string },
  ): { id: number; token: string };
  /** Creates a user, optionally with a 2FA password (and its hint). */
  createUser(
    input: {
      phone: string;
      firstName: string;
      username?: string;
      password?: string;
      passwordHint?: string;
    },
  ): Promise<{ id: number }>;
  /** Sends a text message as `from`'s own client would; `id` is its id in `from`'s box. */
  sendMessage(
    input: { from: number; to: number; text: string },
  ): { id: number; recipientMessageId?: number };
  /** The private chat of `user` with `peer`, in `user`'s box, oldest first. */
  messages(query: { user: number; peer: number }): ControlMessage[];
  /** The media bytes of a message in `user`'s box. */
  file(
    query: { user: number; message: number },
  ): { bytes: Uint8Array; mimeType: string } | undefined;
  /** The last login code sent to `phone`. */
  loginCode(phone: string): string | undefined;
  /** API methods the account's sessions called, in order. */
  calls(accountId: number): string[];
  addFault(rule: FaultRule): void;
  faults(): FaultRule[];
  clearFaults(): void;
  /** Wipes the world. */
  reset(): void;
}

function toControlMessage(message: BoxMessage): ControlMessage {
  const media = message.media;
  let summary: ControlMessage["media"];
  if (media?._ === "messageMediaDocument" && media.document?._ === "document") {
    const doc = media.document;
    const fileName = doc.attributes.find((a) =>
      a._ === "documentAttributeFilename"
    )?.fileName;
    summary = {
      type: "document",
      id: doc.id.toString(),
      size: doc.size,
      mimeType: doc.mimeType,
      fileName,
    };
  } else if (media?._ === "messageMediaPhoto" && media.photo?._ === "photo") {
    const size = media.photo.sizes.find((s) => s._ === "photoSize");
    summary = {
      type: "photo",
      id: media.photo.id.toString(),
      size: size?.size ?? 0,
    };
  }
  return {
    id: message.id,
    from: message.senderId,
    to: message.senderId === message.ownerId ? message.peerId : message.ownerId,
    text: message.text,
    date: message.date,
    editDate: message.editDate,
    replyToId: message.replyToId,
    forwardedFrom: message.forwardOrigin?.fromId,
    media: summary,
  };
}

/** The `Control` of a world. */
export function createControl(world: World): Control {
  return {
    createBot(input) {
      const bot = world.state.accounts.createBot(input);
      return { id: bot.id, token: bot.botToken! };
    },
    async createUser({ password, passwordHint, ...rest }) {
      const verifier = password === undefined
        ? undefined
        : await createPasswordVerifier(password, passwordHint);
      return {
        id: world.state.accounts.createUser({ ...rest, password: verifier }).id,
      };
    },
    sendMessage({ from, to, text }) {
      const { state } = world;
      state.accounts.require(from);
      state.accounts.require(to);
      if (!text.trim()) throw new RpcFailure(400, "MESSAGE_EMPTY");
      const result = sendMessages({ state, sessions: world.sessions }, {
        senderId: from,
        peerId: to,
        messages: [{ content: { text } }],
      });
      const id =
        result.updates.find((u) => u._ === "updateNewMessage")!.message.id;
      const sent = state.mailboxes.get(from, id)!;
      return {
        id,
        recipientMessageId: from === to
          ? undefined
          : state.mailboxes.counterpart(sent, to)?.id,
      };
    },
    messages({ user, peer }) {
      return world.state.mailboxes.chat(user, peer).map(toControlMessage);
    },
    file({ user, message }) {
      const media = world.state.mailboxes.get(user, message)?.media;
      const ref = media?._ === "messageMediaDocument"
        ? media.document
        : media?._ === "messageMediaPhoto"
        ? media.photo
        : undefined;
      if (!ref || (ref._ !== "document" && ref._ !== "photo")) return undefined;
      const stored = world.state.files.byId(Long.fromValue(ref.id));
      return stored && { bytes: stored.bytes, mimeType: stored.mimeType };
    },
    loginCode: (phone) => world.state.logins.lastCode(normalizePhone(phone)),
    calls: (accountId) => world.state.calls.of(accountId),
    addFault: (rule) => world.state.faults.add(parseFaultRule(rule)),
    faults: () => world.state.faults.list(),
    clearFaults: () => world.state.faults.clear(),
    reset: () => world.reset(),
  };
}

/** A control request whose input is wrong: answered with 400 and `{"error"}`. */
class BadRequest extends Error {}

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

async function readBody(req: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new BadRequest("the body must be JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new BadRequest("the body must be an object");
  }
  return body as Record<string, unknown>;
}

function field<T extends "string" | "number">(
  source: Record<string, unknown>,
  name: string,
  type: T,
): T extends "string" ? string : number {
  const value = source[name];
  if (
    typeof value !== type || (type === "number" && !Number.isSafeInteger(value))
  ) {
    throw new BadRequest(
      `${name} must be ${type === "number" ? "an integer" : "a string"}`,
    );
  }
  return value as T extends "string" ? string : number;
}

function optionalString(
  source: Record<string, unknown>,
  name: string,
): string | undefined {
  return source[name] === undefined ? undefined : field(source, name, "string");
}

function queryId(url: URL, name: string): number {
  const value = Number(url.searchParams.get(name) ?? NaN);
  if (!Number.isSafeInteger(value)) {
    throw new BadRequest(`query parameter ${name} must be an integer`);
  }
  return value;
}

type Route = (req: Request, url: URL) => Promise<Response> | Response;

function routes(control: Control): Record<string, Route> {
  return {
    "POST /bots": async (req) => {
      const body = await readBody(req);
      return json(
        control.createBot({
          username: field(body, "username", "string"),
          firstName: optionalString(body, "firstName"),
        }),
      );
    },
    "POST /users": async (req) => {
      const body = await readBody(req);
      return json(
        await control.createUser({
          phone: field(body, "phone", "string"),
          firstName: field(body, "firstName", "string"),
          username: optionalString(body, "username"),
          password: optionalString(body, "password"),
          passwordHint: optionalString(body, "passwordHint"),
        }),
      );
    },
    "POST /messages": async (req) => {
      const body = await readBody(req);
      return json(control.sendMessage({
        from: field(body, "from", "number"),
        to: field(body, "to", "number"),
        text: field(body, "text", "string"),
      }));
    },
    "GET /messages": (_req, url) =>
      json(
        control.messages({
          user: queryId(url, "user"),
          peer: queryId(url, "peer"),
        }),
      ),
    "GET /files": (_req, url) => {
      const file = control.file({
        user: queryId(url, "user"),
        message: queryId(url, "message"),
      });
      if (!file) return json({ error: "no such file" }, 404);
      return new Response(file.bytes.slice(), {
        headers: { "content-type": file.mimeType },
      });
    },
    "GET /login-code": (_req, url) => {
      const phone = url.searchParams.get("phone");
      if (!phone) throw new BadRequest("query parameter phone is required");
      const code = control.loginCode(phone);
      return code === undefined
        ? json({ error: "no code was sent to this phone" }, 404)
        : json({ code });
    },
    "GET /calls": (_req, url) => json(control.calls(queryId(url, "account"))),
    "GET /faults": () => json(control.faults()),
    "POST /faults": async (req) => {
      const body = await readBody(req);
      try {
        control.addFault(body as unknown as FaultRule);
      } catch (error) {
        if (error instanceof TypeError) throw new BadRequest(error.message);
        throw error;
      }
      return json({ ok: true });
    },
    "DELETE /faults": () => {
      control.clearFaults();
      return json({ ok: true });
    },
    "POST /reset": () => {
      control.reset();
      return json({ ok: true });
    },
  };
}

/** The HTTP JSON handler of the control API (see README.md for the endpoints). */
export function createControlHandler(
  control: Control,
): (req: Request) => Promise<Response> {
  const table = routes(control);
  return async (req) => {
    const url = new URL(req.url);
    const route = table[`${req.method} ${url.pathname}`];
    if (!route) {
      const known = Object.keys(table).some((key) =>
        key.endsWith(` ${url.pathname}`)
      );
      return json(
        { error: known ? "method not allowed" : "not found" },
        known ? 405 : 404,
      );
    }
    try {
      return await route(req, url);
    } catch (error) {
      if (error instanceof BadRequest) {
        return json({ error: error.message }, 400);
      }
      if (error instanceof RpcFailure) return json({ error: error.text }, 400);
      throw error;
    }
  };
}
