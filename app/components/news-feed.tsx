"use client";

import type { Instrument, NewsItem } from "../../contract/model";
import { NewsCard } from "./news-card";
import styles from "./news-feed.module.css";
import ui from "./ui.module.css";

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
export function NewsFeed({
  items,
  latest,
  error,
  instruments,
  selectedId,
  onSelect,
  onReplay,
  replaying,
  replayClock,
}: NewsFeedProps) {
  const names = new Map(instruments.map((i) => [i.symbol, i]));
  return (
    <section className={`${ui.panel} ${styles.news}`} aria-labelledby="news-title">
      <h2 id="news-title" className={ui.panelTitle}>
        News <span className={ui.panelCount}>{items.length}</span>
        <span className={`${ui.panelHint} ${styles.hint}`}>
          {replaying ? "up to the replay clock" : "select a headline to see the reaction"}
        </span>
      </h2>
      <p className={ui.srOnly} aria-live="polite">
        {latest ? `New headline: ${latest.headline}` : ""}
      </p>
      {error && (
        <p className={ui.panelMessage} role="alert">
          News could not be loaded: {error}
        </p>
      )}
      {!error && items.length === 0 && (
        <p className={`${ui.panelMessage} ${ui.muted}`}>
          {replaying ? "No headline before the replay clock yet." : "No headlines yet."}
        </p>
      )}
      <ol className={styles.list}>
        {items.map((item) => (
          <NewsCard
            key={item.id}
            item={item}
            names={names}
            selected={item.id === selectedId}
            onSelect={onSelect}
            onReplay={onReplay}
            asOf={replayClock}
          />
        ))}
      </ol>
    </section>
  );
}
