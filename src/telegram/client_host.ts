/** One hosted Telegram client: its mtcute instance, session file and update queue. */
import type { User } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import { NotFoundError, UnauthorizedError } from "../errors.ts";
import { clientLabel, sessionPath } from "../client_id.ts";
import type { ClientRef } from "../client_id.ts";
import { deadline } from "../timers.ts";
import { ClientUpdates } from "../updates/client_updates.ts";
import { MessageChats } from "../mtkruto/updates/message_chats.ts";
import {
  GroupCallHashes,
  registerGroupCallHashes,
} from "../mtkruto/updates/group_calls.ts";
import { planUpdate, renderHeld } from "../mtkruto/updates/from_tl.ts";
import { UpdateStore } from "../updates/store.ts";
import { SessionDatabase } from "../storage/session_database.ts";
import type { ClientStats } from "../workers/client_stats.ts";
import type { DescriptorBudget } from "../descriptors.ts";
import { createTelegramClient } from "./client_factory.ts";
import type { HostContext } from "./client_factory.ts";
import { fromMtcuteError } from "./rpc_errors.ts";
import {
  createPrivateFile,
  ensureDataDir,
  pathExists,
  removeSessionFiles,
} from "./session_files.ts";

// The token is kept beside the session (which is as secret) so a bot with a webhook can start with the server.
const BOT_TOKEN_SETTING = "botToken";

/** Longest wait at login for mtcute to fetch the update state (and what was missed while down). */
const CATCH_UP_TIMEOUT_MS = 15_000;

/**
 * Waits until mtcute's updates loop has its initial state: an update that
 * arrives before that would be folded into the state and never dispatched,
 * so a caller that acts right after login (and a peer who answers) must wait.
 */
async function caughtUp(client: TelegramClient): Promise<void> {
  // mtcute exposes the manager only on the inner client.
  const manager =
    (client as unknown as { _client: { updates?: { catchingUp: boolean } } })
      ._client.updates;
  if (!manager?.catchingUp) return;
  const caught = Promise.withResolvers<void>();
  const onState = () => {
    if (!manager.catchingUp) caught.resolve();
  };
  client.onConnectionState.add(onState);
  try {
    await deadline(caught.promise, CATCH_UP_TIMEOUT_MS);
  } catch {
    // A slow catch-up must not fail the login: past the bound the client serves anyway.
  } finally {
    client.onConnectionState.remove(onState);
  }
}

/** Whether the client behind an existing session file must start with the server (webhook set or updates queued). */
export function needsStartAtBoot(path: string): boolean {
  const store = new UpdateStore(path);
  try {
    return store.getSetting("webhook") !== undefined || store.pendingCount > 0;
  } finally {
    store.close();
  }
}

/** A logged-in client, ready for calls. */
export class ClientHost {
  /** When the last call ended (or the client came up). */
  lastUsed = Date.now();
  /** Calls in progress, long polls included: a client is never unloaded under one. */
  activeCalls = 0;
  connectionState = "connected";

  /** Holds the client's seat in the descriptor budget until closed. */
  #descriptors: DescriptorBudget | undefined;

  private constructor(
    descriptors: DescriptorBudget,
    readonly ref: ClientRef,
    readonly client: TelegramClient,
    readonly updates: ClientUpdates,
    readonly path: string,
    readonly database: SessionDatabase,
    readonly store: UpdateStore,
    readonly chats: MessageChats,
    readonly profile: { displayName: string; username?: string },
  ) {
    this.#descriptors = descriptors;
  }

  /**
   * Opens the client's session, logging a bot in with its token when the
   * session is new. Throws NotFoundError for an unknown user id and the
   * mapped Telegram error (e.g. 401) when login fails; a failed first login
   * leaves nothing on disk.
   */
  static async open(ref: ClientRef, context: HostContext): Promise<ClientHost> {
    const path = sessionPath(context.config.dataDir, ref.id);
    const existed = await pathExists(path);
    if (ref.kind === "user" && !existed) {
      throw new NotFoundError("No user client with this id");
    }
    // The seat: one descriptor for the main connection, held until the client is closed.
    context.descriptors.acquireOrThrow("client");
    try {
      return await ClientHost.#start(ref, context, path, existed);
    } catch (error) {
      context.descriptors.release();
      throw error;
    }
  }

  static async #start(
    ref: ClientRef,
    context: HostContext,
    path: string,
    existed: boolean,
  ): Promise<ClientHost> {
    await ensureDataDir(context.config.dataDir);
    if (!existed) await createPrivateFile(path);
    // One connection for the session and the gateway's tables, closed while the client idles.
    const database = new SessionDatabase(path);
    const store = new UpdateStore(database);
    const token = ref.kind === "bot"
      ? ref.token ?? store.getSetting(BOT_TOKEN_SETTING)
      : undefined;
    const updates = new ClientUpdates(store, {}, {
      pollTimeoutSeconds: context.config.pollTimeoutSeconds,
    });
    const chats = new MessageChats(database);
    const groupCalls = new GroupCallHashes(database);
    // Own actions are dispatched too, so the message → chat map learns the
    // account's sent messages (their deletions name them); MTKruto's updates
    // leave outgoing messages out.
    const client = createTelegramClient(database, context, {
      ownActionsAsUpdates: true,
      seated: true,
    });
    registerGroupCallHashes(client, groupCalls);
    client.onError.add((error) =>
      console.error(`client error: ${error.stack ?? error}`)
    );
    // Attached before login: mtcute's catch-up on start delivers what arrived while the server was down.
    client.onRawUpdate.add(({ update, peers }) => {
      let plan;
      try {
        plan = planUpdate(update, peers, { chats, groupCalls });
      } catch (error) {
        // One update MTKruto cannot render must not stop the others (MTKruto logs and drops it too).
        console.error(
          `update ${update._} not delivered: ${
            error instanceof Error ? error.message : error
          }`,
        );
        return;
      }
      if (!plan) return;
      updates.push(
        plan.type,
        "update" in plan ? plan.update : null,
        {
          identity: plan.identity,
          source: "source" in plan ? plan.source : undefined,
        },
      );
    });
    updates.setRenderer((kind, source) => renderHeld(client, kind, source));
    let me: User;
    try {
      if (ref.kind === "bot") {
        if (!token) {
          throw new UnauthorizedError("No token is known for this bot");
        }
        me = await client.start({ botToken: token });
        store.setSetting(BOT_TOKEN_SETTING, token);
      } else {
        me = await client.getMe();
        await client.notifyLoggedIn(me.raw);
      }
      await caughtUp(client);
    } catch (error) {
      await updates.close(new UnauthorizedError("The client could not log in"));
      await client.destroy().catch(() => {});
      database.close();
      if (!existed) await removeSessionFiles(path);
      throw fromMtcuteError(error);
    }
    const profile = {
      displayName: me.displayName,
      username: me.username ?? undefined,
    };
    const host = new ClientHost(
      context.descriptors,
      ref,
      client,
      updates,
      path,
      database,
      store,
      chats,
      profile,
    );
    client.onConnectionState.add((state) => host.connectionState = state);
    return host;
  }

  /** Figures for the stats page, read from memory (no network call). */
  stats(worker: number): ClientStats {
    return {
      label: clientLabel(this.ref.id),
      kind: this.ref.kind,
      worker,
      displayName: this.profile.displayName,
      username: this.profile.username,
      connected: this.connectionState === "connected",
      connectionState: this.connectionState,
      updates: this.updates.stats(),
    };
  }

  /** Stops update delivery, closes the connection and flushes the session to disk. */
  async close(reason: Error): Promise<void> {
    await this.updates.close(reason);
    try {
      await this.client.destroy();
    } finally {
      this.database.close();
      this.#descriptors?.release();
      this.#descriptors = undefined;
    }
  }

  /** Closes the client and deletes its session (for bots whose token Telegram rejected). */
  async discard(reason: Error): Promise<void> {
    await this.close(reason).catch(() => {});
    await removeSessionFiles(this.path);
  }
}
