/**
 * Polls beyond sending: getPollVoters' params (vote and retractVote take
 * only positional arguments).
 *
 * @module
 */

/** getPollVoters' params. */
export interface GetPollVotersParams {
  /** Only the voters of the option with this index. */
  optionIndex?: number;
  /** The `nextOffset` of a previous page. */
  offset?: string;
  /** How many voters one page holds (1 to 100, default 100). */
  limit?: number;
}
