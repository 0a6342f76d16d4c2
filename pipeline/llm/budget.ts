// The run's spending limit (--max-cost): requests in flight hold the most they may cost.
import { BudgetError } from '../errors.js';
import { formatUsd } from './cost.js';

/**
 * Keeps a run within `--max-cost`: before a request is sent, the most it may cost (its prompt
 * and, for chat, the reply's token limit) is reserved against the limit, and the reservation
 * is released once the reply's real cost has been counted. A request whose reservation would
 * take spent + reserved past the limit is not sent, so the limit holds even with many requests
 * in flight and replies longer than expected.
 */
export class Budget {
  private reserved = 0;

  /**
   * @param maxCost USD; undefined: no limit.
   * @param spent What the run has spent so far (null when a model has no price).
   */
  constructor(
    private readonly maxCost: number | undefined,
    private readonly spent: () => number | null,
  ) {}

  /** Throws when there is a limit and the model has no price (`cost` null), before anything is sent. */
  requirePrice(model: string, cost: number | null): void {
    if (this.maxCost !== undefined && cost === null) {
      throw new BudgetError(
        `--max-cost needs the price of model "${model}": add it under llm.prices in the config`,
      );
    }
  }

  /**
   * Reserves the most a request may cost and returns the release, to call once its real cost is
   * counted (or it failed). Throws a `BudgetError` when the reservation does not fit.
   * @param what The request's worst case in words, for the message.
   */
  reserve(cost: number | null, what: string): () => void {
    if (this.maxCost === undefined || cost === null) return () => {};
    const spent = this.spent() ?? 0;
    if (spent + this.reserved + cost > this.maxCost) {
      const inFlight =
        this.reserved > 0 ? ` and ${formatUsd(this.reserved)} held by requests in flight` : '';
      throw new BudgetError(
        `stopped before exceeding --max-cost ${formatUsd(this.maxCost)}: ${formatUsd(spent)} spent${inFlight}, the next request could cost up to ${formatUsd(cost)} (${what}); the answers so far are cached, so a run with a larger budget resumes from here`,
      );
    }
    this.reserved += cost;
    let held = true;
    return () => {
      if (held) this.reserved -= cost;
      held = false;
    };
  }
}
