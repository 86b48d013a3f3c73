"use client";

import type { Instrument, NewsItem } from "../../contract/model";
import { NewsCard } from "./news-card";

interface NewsFeedProps {
  items: readonly NewsItem[];
  latest: NewsItem | null;
  error: string | null;
  /** The whole universe: a headline may name an instrument that is not on the watchlist. */
  instruments: readonly Instrument[];
  selectedId: string | null;
  onSelect: (item: NewsItem) => void;
  onReplay: (item: NewsItem) => void;
  /** During a replay: only headlines up to the replay clock are listed. */
  replaying: boolean;
  /** The replay clock while replaying, else null. */
  replayClock: number | null;
}

/** Headlines, newest first; new ones arrive live and are announced politely. */
export function NewsFeed({ items, latest, error, instruments, selectedId, onSelect, onReplay, replaying, replayClock }: NewsFeedProps) {
  const names = new Map(instruments.map((i) => [i.symbol, i]));
  return (
    <section className="panel news" aria-labelledby="news-title">
      <h2 id="news-title" className="panel-title">
        News <span className="panel-count">{items.length}</span>
        <span className="panel-hint">{replaying ? "up to the replay clock" : "select a headline to see the reaction"}</span>
      </h2>
      <p className="sr-only" aria-live="polite">
        {latest ? `New headline: ${latest.headline}` : ""}
      </p>
      {error && (
        <p className="panel-message" role="alert">
          News could not be loaded: {error}
        </p>
      )}
      {!error && items.length === 0 && (
        <p className="panel-message muted">{replaying ? "No headline before the replay clock yet." : "No headlines yet."}</p>
      )}
      <ol className="news-list">
        {items.map((item) => (
          <NewsCard key={item.id} item={item} names={names} selected={item.id === selectedId} onSelect={onSelect} onReplay={onReplay} asOf={replayClock} />
        ))}
      </ol>
    </section>
  );
}
