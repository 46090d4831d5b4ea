/** BotCommand in MTKruto's shape, from Telegram's `botCommand` (types.md §13). */
import type { tl } from "@mtcute/core";

/** One of a bot's commands, as getMyCommands answers it. */
export interface BotCommand {
  /** The command, without the slash. */
  command: string;
  /** What the command does, as the command menu shows it. */
  description: string;
  /** Whether the command is ephemeral: always false, as mtcute's TL layer has no such flag yet. */
  isEphemeral: boolean;
}

/** A TL `botCommand` as MTKruto renders it. */
export function renderBotCommand(command: tl.TypeBotCommand): BotCommand {
  return {
    command: command.command,
    description: command.description,
    isEphemeral: false,
  };
}
