/**
 * Editing: the params of message and inline message edits.
 *
 * @module
 */
import type { CaptionParams, ReplyMarkupParams, TextParams } from "./common.ts";
import type { LocationParams } from "./media.ts";

// ─── Editing ────────────────────────────────────────────────────────────

/** What edits of messages take besides their content. */
export interface EditCommonParams extends ReplyMarkupParams {
  /** The business connection the message was sent on behalf of (bots only). */
  businessConnectionId?: string;
}

/** editMessageText's params. */
export interface EditMessageTextParams extends EditCommonParams, TextParams {}

/** editInlineMessageText's params. */
export interface EditInlineMessageTextParams
  extends ReplyMarkupParams, TextParams {}

/** editMessageCaption's params: the caption left out removes it. */
export interface EditMessageCaptionParams
  extends EditCommonParams, CaptionParams {}

/** editInlineMessageCaption's params: the caption left out removes it. */
export interface EditInlineMessageCaptionParams
  extends ReplyMarkupParams, CaptionParams {}

/** editMessageMedia's params. */
export type EditMessageMediaParams = EditCommonParams;

/** editInlineMessageMedia's params. */
export type EditInlineMessageMediaParams = ReplyMarkupParams;

/**
 * editMessageReplyMarkup's and editInlineMessageReplyMarkup's params: the
 * markup left out removes the keyboard. Inline messages ignore
 * `businessConnectionId`.
 */
export type EditMessageReplyMarkupParams = EditCommonParams;

/** editMessageLiveLocation's and editInlineMessageLiveLocation's params (inline messages ignore `businessConnectionId`). */
export interface EditMessageLiveLocationParams
  extends EditCommonParams, LocationParams {}
