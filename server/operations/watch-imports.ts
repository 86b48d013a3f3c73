import type { Instrument, NewsItem } from "../../contract/model";
import type { DataSource } from "../../contract/resolution";
import { createTagger } from "../../domain/tagging/tag-tickers";
import { toDataSource } from "../store/store";
import type { AppContext } from "./context";
import { ensure } from "../../domain/invariant";

const POLL_MS = 1_000;
// Another process's clock, and a transaction that commits after a later one, can put a
// headline's stored time a little behind what was already seen: look back this far.
const LOOK_BACK_MS = 10_000;
const NEWS_PER_POLL = 500;

/**
 * Notices what another process (the import CLI) wrote to the database — new data sources
 * and headlines — and announces them as if they had arrived here: headlines on the news
 * signal (pushed as `news`), sources to `onSources` (pushed as `sources`), unknown symbols
 * added to the instruments and the tagger. Only polls the database: it works the same for
 * SQLite and PostgreSQL and needs nothing from the CLI.
 */
export class ImportWatcher {
  private timer: NodeJS.Timeout | null = null;
  private lastSourceId = 0;
  private newsSince = 0;
  private readonly seen = new Map<string, number>();
  private polling: Promise<void> | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly instruments: Map<string, Instrument>,
    private readonly onSources: (sources: DataSource[]) => void,
    private readonly shouldAnnounce: () => boolean,
    private readonly pollMs = POLL_MS,
  ) {}

  /** Starts from what the database holds now: only later writes are announced. */
  async start(): Promise<void> {
    const sources = await this.ctx.store.sources.list();
    this.lastSourceId = sources.at(-1)?.id ?? 0;
    this.newsSince = Date.now() - LOOK_BACK_MS;
    for (const { item, storedAt } of await this.ctx.store.news.storedSince(this.newsSince, NEWS_PER_POLL))
      this.seen.set(item.id, storedAt);
    // Headlines this node announces itself (POST /api/news, RSS) are not announced twice.
    this.ctx.news.on((item: NewsItem) => this.seen.set(item.id, Date.now()));
    this.timer = setInterval(() => void this.poll(), this.pollMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
  }

  /** One look at the database; exposed for tests. */
  poll(): Promise<void> {
    this.polling ??= this.check()
      .catch((error: unknown) => this.ctx.log.warn({ err: error }, "watching for imports failed"))
      .finally(() => {
        this.polling = null;
      });
    return this.polling;
  }

  private async check(): Promise<void> {
    const sources = await this.ctx.store.sources.list({ afterId: this.lastSourceId });
    if (sources.length > 0) {
      this.lastSourceId = ensure(sources.at(-1), "the newest data source").id;
      if (sources.some((s) => !this.instruments.has(s.symbol))) await this.learnInstruments();
      await this.ctx.market.refresh();
      this.ctx.reactionCache.clear();
      if (this.shouldAnnounce()) this.onSources(sources.map(toDataSource));
    }
    const fresh = await this.ctx.store.news.storedSince(this.newsSince, NEWS_PER_POLL);
    for (const { item, storedAt } of fresh) {
      if (this.seen.has(item.id)) continue;
      this.seen.set(item.id, storedAt);
      if (this.shouldAnnounce()) this.ctx.news.emit(item);
    }
    const newest = fresh.at(-1)?.storedAt;
    if (newest !== undefined && fresh.length < NEWS_PER_POLL)
      this.newsSince = Math.max(this.newsSince, newest - LOOK_BACK_MS);
    else if (newest !== undefined) this.newsSince = newest;
    for (const [id, at] of this.seen) if (at < this.newsSince - LOOK_BACK_MS) this.seen.delete(id);
  }

  private async learnInstruments(): Promise<void> {
    for (const instrument of await this.ctx.store.instruments.list()) {
      if (!this.instruments.has(instrument.symbol)) this.instruments.set(instrument.symbol, instrument);
    }
    this.ctx.tagger = createTagger([...this.instruments.values()]);
  }
}
