import type { FeedStatus, ReplayClock } from "../../../contract/events";
import type { MarketClock, Tick } from "../../../contract/model";
import { dayKeyOf } from "../../../domain/market/kst";
import { fetchReplayBaseline } from "../replay/replay-baseline";
import { type ReplayControl, ReplaySession } from "../replay/replay-session";
import type { ReplaySpeed } from "../replay/replay-speeds";
import { calendar } from "./calendar";
import { FEED_RUNNING, MarketBase } from "./market-base";
import { RECENT_TRADES, emptyQuote } from "./quote";

// Ticks kept since the last jump, so a chart that (re)loads history mid-replay can fold in
// what it missed; a full day of 1-second ticks of a few symbols fits well below this.
const MAX_BACKLOG = 500_000;

/**
 * The dashboard's MarketSource during a replay: the shared plumbing (MarketBase) fed by one
 * ReplaySession. Each jump starts a new epoch: quotes restart from the stored state at the
 * new clock, and charts and news reload up to it.
 */
export class ReplayMarket extends MarketBase {
  private readonly clockListeners = new Set<(clock: ReplayClock) => void>();
  private readonly session: ReplaySession;
  private backlogs = new Map<string, Tick[]>();
  private epochNow = 0;
  private epochT = 0;
  private baselineAbort = new AbortController();
  private readyWaiters: (() => void)[] = [];

  constructor(symbols: readonly string[]) {
    super(symbols);
    this.session = new ReplaySession({
      ticks: (ticks) => this.deliver(ticks, (symbol, list) => this.keep(symbol, list)),
      news: (item) => this.out.news(item),
      clock: (clock) => this.onClock(clock),
      jumped: (t) => this.jumped(t),
      status: (status) => this.setStatus(status),
    });
  }

  start(from: number, to: number, speed: ReplaySpeed): Promise<string> {
    return this.session.start(this.symbols, from, to, speed);
  }

  control(control: ReplayControl): Promise<ReplayClock> {
    return this.session.control(control);
  }

  close(): void {
    this.session.close();
    this.baselineAbort.abort();
    this.quiet();
  }

  /** Every replay clock (pushed every 250 ms while playing, and after each control). */
  onReplayClock(listener: (clock: ReplayClock) => void): () => void {
    this.clockListeners.add(listener);
    return () => this.clockListeners.delete(listener);
  }

  feedStatus(): FeedStatus {
    return FEED_RUNNING;
  }

  whenReady(): Promise<void> {
    if (this.epochNow > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  historyEnd(): number | undefined {
    // The jump answer came after every tick at or before the jump time: history holds those.
    return this.epochNow > 0 ? this.epochT + 1 : undefined;
  }

  backlog(symbol: string): readonly Tick[] {
    return this.backlogs.get(symbol) ?? [];
  }

  epoch(): number {
    return this.epochNow;
  }

  newsUntil(): number | null {
    // Before the start answer nothing of the replay is known: no live headline may show.
    return this.epochNow > 0 ? this.epochT : null;
  }

  private jumped(t: number): void {
    this.epochNow++;
    this.epochT = t;
    this.backlogs = new Map();
    this.quotes = new Map(this.symbols.map((symbol) => [symbol, { ...emptyQuote(symbol), ready: true }]));
    this.clockNow = this.clockOf(t, this.clockNow?.speed ?? 1);
    this.loadBaselines(t);
    const waiting = this.readyWaiters;
    this.readyWaiters = [];
    waiting.forEach((resolve) => resolve());
    this.changed();
  }

  private loadBaselines(t: number): void {
    this.baselineAbort.abort();
    const abort = (this.baselineAbort = new AbortController());
    for (const symbol of this.symbols) {
      fetchReplayBaseline(symbol, t, abort.signal).then(
        (base) => {
          if (abort.signal.aborted) return;
          const quote = this.quote(symbol);
          // Replay ticks may already have moved the quote on; the baseline only fills gaps.
          const recent = [...quote.recent, ...base.recent].slice(0, RECENT_TRADES);
          const last = quote.last ?? base.last;
          this.quotes.set(symbol, {
            ...quote,
            last,
            recent,
            prevClose: quote.prevClose ?? base.prevClose,
            day: last ? dayKeyOf(last.ts) : null,
          });
          this.changed();
        },
        () => {}, // the quote fills from replayed trades instead
      );
    }
  }

  private keep(symbol: string, ticks: readonly Tick[]): void {
    let backlog = this.backlogs.get(symbol);
    if (!backlog) this.backlogs.set(symbol, (backlog = []));
    if (backlog.length + ticks.length <= MAX_BACKLOG) backlog.push(...ticks);
  }

  private onClock(clock: ReplayClock): void {
    this.clockNow = this.clockOf(clock.t, clock.speed);
    this.clockListeners.forEach((listener) => listener(clock));
    this.changed();
  }

  private clockOf(t: number, speed: number): MarketClock {
    return { t, session: calendar.sessionAt(t) ? "open" : "closed", feed: "replay", speed };
  }
}
