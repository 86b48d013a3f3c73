import path from "node:path";
import type { Logger } from "pino";
import type { MarketClock, NewsItem } from "../../contract/model";
import type { KrxCalendar } from "../../domain/market/krx-calendar";
import type { Feed } from "../feed/feed";
import type { Sequencer } from "../feed/sequencer";
import type { TickBus } from "../feed/tick-bus";
import type { Signal } from "../lib/signal";
import type { Store } from "../store/store";
import type { TapeRow } from "./read-tape";

const STEP_MS = 50;
// A step that would cover more rows than this stops there and lets the clock fall behind:
// the event loop stays free for viewers whatever FEED_SPEED asks for.
const MAX_ROWS_PER_STEP = 20_000;
const SOURCE_EVERY_MS = 1_000;

export interface TapeFeedOptions {
  file: string;
  rows: readonly TapeRow[];
  /** Headlines to publish as the clock passes them, oldest first. */
  news: readonly NewsItem[];
  sequencer: Sequencer;
  bus: TickBus;
  store: Store;
  newsSignal: Signal<NewsItem>;
  calendar: KrxCalendar;
  /** Market seconds per wall second. */
  speed: number;
  log: Logger;
  onEnd?: () => void;
}

/**
 * Plays a recorded tape through the live path: rows are sequenced and published on the
 * tick bus (stored, then pushed) when the tape's own market clock, running at `speed`,
 * passes their time; closed hours with no rows are skipped. Each symbol's run is recorded
 * as a `tape` data source.
 */
export class TapeFeed implements Feed {
  readonly name: string;
  private cursor: number;
  private next = 0;
  private nextNews = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastWall = 0;
  private lastSourceWrite = 0;
  private ended = false;
  private readonly sources = new Map<string, { id: Promise<number>; lastTs: number; rows: number }>();

  constructor(private readonly options: TapeFeedOptions) {
    this.name = `replay:${path.basename(options.file)}`;
    this.cursor = options.rows[0]?.ts ?? 0;
  }

  start(): void {
    if (this.timer || this.ended) return;
    this.lastWall = performance.now();
    this.timer = setInterval(() => this.advance(), STEP_MS);
    this.options.log.info(
      { feed: this.name, from: new Date(this.cursor).toISOString(), rows: this.options.rows.length },
      "tape started",
    );
    this.advance();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.options.bus.flush();
    await this.writeSources();
  }

  clock(): MarketClock {
    const open = this.options.calendar.sessionAt(this.cursor) !== null;
    return { t: this.cursor, session: open ? "open" : "closed", feed: this.name, speed: this.options.speed };
  }

  /** Rows published so far. */
  get played(): number {
    return this.next;
  }

  private advance(): void {
    const { rows, speed } = this.options;
    const now = performance.now();
    // The store refuses writes (the bus is paused): the tape's clock stands still meanwhile.
    if (this.options.bus.paused) {
      this.lastWall = now;
      return;
    }
    let to = this.cursor + (now - this.lastWall) * speed;
    this.lastWall = now;
    const upcoming = rows[this.next];
    // Nothing due and the market shut: jump to the tape's next print.
    if (upcoming && upcoming.ts > to && this.options.calendar.sessionAt(to) === null) to = upcoming.ts;
    const batch = [];
    while (this.next < rows.length && rows[this.next]!.ts <= to && batch.length < MAX_ROWS_PER_STEP) {
      batch.push(this.options.sequencer.number(rows[this.next]!));
      this.next++;
    }
    if (this.next < rows.length && rows[this.next]!.ts <= to) to = rows[this.next - 1]!.ts;
    this.cursor = Math.max(this.cursor, to);
    if (batch.length > 0) {
      this.options.bus.publish(batch);
      for (const tick of batch) this.noteSource(tick.symbol, tick.ts);
    }
    this.releaseNews();
    if (now - this.lastSourceWrite >= SOURCE_EVERY_MS) {
      this.lastSourceWrite = now;
      void this.writeSources();
    }
    if (this.next >= rows.length && !this.ended) {
      this.ended = true;
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      void this.stop().then(() => {
        this.options.log.info({ feed: this.name, rows: rows.length }, "tape finished");
        this.options.onEnd?.();
      });
    }
  }

  private releaseNews(): void {
    const { news, store, newsSignal, log } = this.options;
    while (this.nextNews < news.length && Date.parse(news[this.nextNews]!.publishedAt) <= this.cursor) {
      const item = news[this.nextNews++]!;
      store.news.insert(item).then(
        (isNew) => isNew && newsSignal.emit(item),
        (error: unknown) => log.error({ err: error, id: item.id }, "could not publish a tape headline"),
      );
    }
  }

  private noteSource(symbol: string, ts: number): void {
    const known = this.sources.get(symbol);
    if (known) {
      known.lastTs = ts;
      known.rows++;
      return;
    }
    const id = this.options.store.sources.record({
      symbol,
      kind: "tape",
      file: path.basename(this.options.file),
      resolution: "tick",
      firstTs: ts,
      lastTs: ts,
      rows: 1,
    });
    id.catch((error: unknown) =>
      this.options.log.error({ err: error, symbol }, "could not record the tape as a source"),
    );
    this.sources.set(symbol, { id, lastTs: ts, rows: 1 });
  }

  private async writeSources(): Promise<void> {
    await Promise.all(
      [...this.sources.values()].map(async (s) => this.options.store.sources.extend(await s.id, s.lastTs, s.rows)),
    ).catch((error: unknown) => this.options.log.warn({ err: error }, "could not update the tape's sources"));
  }
}
