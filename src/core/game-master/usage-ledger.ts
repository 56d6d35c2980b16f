import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import { fail, ok, type Result } from '../result.js';
import type { AiLimits, UsageTotals } from './gm-schemas.js';

interface Totals {
  usd: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
}
interface MonthRecord {
  month: Totals;
  days: Record<string, Totals>;
}

const zero = (): Totals => ({ usd: 0, requests: 0, inputTokens: 0, outputTokens: 0 });
const add = (t: Totals | undefined, u: { usd: number; inputTokens: number; outputTokens: number }): Totals => {
  const b = t ?? zero();
  return { usd: round(b.usd + u.usd), requests: b.requests + 1, inputTokens: b.inputTokens + u.inputTokens, outputTokens: b.outputTokens + u.outputTokens };
};
const round = (n: number) => Math.round(n * 1e6) / 1e6;
const usd = (n: number) => `$${n.toFixed(2)}`;

/**
 * Token usage and cost per provider request, per user and hub-wide, one key per month each. Limits are
 * checked before a request is sent, against what is already spent.
 */
export class UsageLedger {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  #period() {
    const iso = this.deps.clock.now().toISOString();
    return { month: iso.slice(0, 7), day: iso.slice(8, 10) };
  }
  #key(scope: 'hub' | string, month: string) {
    return scope === 'hub' ? `gm:usage:hub:${month}` : `gm:usage:user:${scope}:${month}`;
  }

  /** Records one provider request for the user and the hub (cost null counts as 0 dollars). */
  async record(userId: string, usage: { inputTokens: number; outputTokens: number; costUsd: number | null }): Promise<void> {
    const { month, day } = this.#period();
    const u = { usd: usage.costUsd ?? 0, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
    for (const scope of [userId, 'hub']) {
      await this.deps.store.update<MonthRecord>(this.#key(scope, month), (cur) => ({
        month: add(cur?.month, u),
        days: { ...(cur?.days ?? {}), [day]: add(cur?.days[day], u) },
      }));
    }
  }

  async totals(scope: 'hub' | string): Promise<UsageTotals> {
    const { month, day } = this.#period();
    const rec = await this.deps.store.get<MonthRecord>(this.#key(scope, month));
    const m = rec?.month ?? zero();
    return { todayUsd: rec?.days[day]?.usd ?? 0, monthUsd: m.usd, requests: m.requests, inputTokens: m.inputTokens, outputTokens: m.outputTokens };
  }

  /** LIMIT when a limit is reached (a limit of 0 refuses everything); checked before every provider request. */
  async admit(userId: string, limits: AiLimits): Promise<Result<void>> {
    const [hub, user] = await Promise.all([this.totals('hub'), this.totals(userId)]);
    const checks: [number | null, number, string, string][] = [
      [limits.dailyUsd, hub.todayUsd, "The hub's daily AI spending limit", 'AI_DAILY_LIMIT_USD'],
      [limits.monthlyUsd, hub.monthUsd, "The hub's monthly AI spending limit", 'AI_MONTHLY_LIMIT_USD'],
      [limits.userDailyUsd, user.todayUsd, 'Your daily AI spending limit', 'AI_USER_DAILY_LIMIT_USD'],
      [limits.userMonthlyUsd, user.monthUsd, 'Your monthly AI spending limit', 'AI_USER_MONTHLY_LIMIT_USD'],
    ];
    for (const [limit, spent, what, variable] of checks) {
      if (limit === null) continue;
      if (limit === 0) return fail('LIMIT', `${what} is 0, so AI requests are switched off (the hub owner sets ${variable})`, { details: { limitUsd: 0, spentUsd: spent } });
      if (spent >= limit) {
        const resets = variable.includes('DAILY') ? 'at midnight UTC' : 'on the 1st of next month (UTC)';
        return fail('LIMIT', `${what} of ${usd(limit)} is reached (${usd(spent)} spent); it resets ${resets}, or the hub owner can raise ${variable}`, {
          details: { limitUsd: limit, spentUsd: spent },
        });
      }
    }
    return ok(undefined);
  }
}
