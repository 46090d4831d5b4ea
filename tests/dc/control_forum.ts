/** The control API's view of a forum (`GET /chats/<id>/topics`), for tests to check what clients changed in its topics. */
import { BadRequest, json, type Route } from "./control_http.ts";
import { forumTopicsOf, isForum, topicMessages } from "./world/forum.ts";
import { peerKind } from "./world/peer_keys.ts";
import type { World } from "./world/world.ts";

/** One live topic as the control API shows it. */
export interface ControlTopic {
  id: number;
  title: string;
  /** The creator's account id. */
  creator: number;
  date: number;
  iconColor: number;
  /** The custom emoji icon, a decimal long. */
  iconEmojiId?: string;
  closed: boolean;
  hidden: boolean;
  pinned: boolean;
  /** The ids (in the channel's box) of its messages, oldest first, its creation message included. */
  messageIds: number[];
}

/** A chat's forum state. */
export interface ControlForum {
  isForum: boolean;
  /** `forum_tabs`: the tabbed topic list. */
  tabs: boolean;
  /** General first, then by id; none for a chat that never was a forum. */
  topics: ControlTopic[];
}

/** The forum actions of the control API. */
export interface ForumControl {
  /** The forum state of the supergroup with marked id `id`, or undefined for no such chat. */
  forum(id: number): ControlForum | undefined;
}

/** The `ForumControl` of a world. */
export function createForumControl(world: World): ForumControl {
  return {
    forum(id) {
      const chat = world.state.chats.get(id);
      if (!chat) return undefined;
      if (!chat.forum) {
        return { isForum: isForum(chat), tabs: false, topics: [] };
      }
      const forum = forumTopicsOf(chat);
      const topics = [...forum.topics.values()].sort((a, b) => a.id - b.id);
      return {
        isForum: isForum(chat),
        tabs: forum.tabs,
        topics: topics.map((topic) => ({
          id: topic.id,
          title: topic.title,
          creator: topic.creatorId,
          date: topic.date,
          iconColor: topic.iconColor,
          iconEmojiId: topic.iconEmojiId?.toString(),
          closed: topic.closed,
          hidden: topic.hidden,
          pinned: forum.pinned.includes(topic.id),
          messageIds: topicMessages(world.state, chat, topic.id).map((m) =>
            m.id
          ),
        })),
      };
    },
  };
}

/** The forum routes. */
export function forumRoutes(control: ForumControl): Record<string, Route> {
  return {
    "GET /chats/:chat/topics": (_req, _url, params) => {
      const id = Number(params.chat);
      if (!Number.isSafeInteger(id) || peerKind(id) === "user") {
        throw new BadRequest(
          `chat must be a marked (negative) chat id, not ${params.chat}`,
        );
      }
      const forum = control.forum(id);
      return forum ? json(forum) : json({ error: "no such chat" }, 404);
    },
  };
}
