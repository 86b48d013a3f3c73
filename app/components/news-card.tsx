"use client";

import { Suspense, lazy } from "react";
import type { Instrument, NewsItem } from "../../contract/model";
import { formatKstStamp, toKstIso } from "../lib/format/format-kst";

// A headline's reaction (its maths, tables and downloads) is only drawn once the headline is
// opened: its code loads then, not with the dashboard's first paint.
const ReactionCard = lazy(() => import("./reaction-card").then((m) => ({ default: m.ReactionCard })));
import styles from "./news-feed.module.css";
import ui from "./ui.module.css";

// Only web links are followed; anything else in `url` (javascript:, data:) is not a link.
const SAFE_URL = /^https?:\/\//i;

interface NewsCardProps {
  item: NewsItem;
  /** The instruments by symbol, for the names beside each ticker. */
  names: ReadonlyMap<string, Pick<Instrument, "name" | "nameKo">>;
  selected: boolean;
  onSelect: (item: NewsItem) => void;
  /** Replays t0 − 30 min … t0 + 90 min of this headline at 60x. */
  onReplay: (item: NewsItem) => void;
  /** The replay clock while replaying: the reaction card shows the figures as of then. */
  asOf: number | null;
}

/**
 * One headline. Selecting it (click, Enter, Space) focuses the charts on its reaction and
 * opens its body. News is untrusted text: it is only ever rendered as React text nodes.
 */
export function NewsCard({ item, names, selected, onSelect, onReplay, asOf }: NewsCardProps) {
  const published = Date.parse(item.publishedAt);
  const bodyId = `news-body-${item.id}`;
  const paragraphs = item.body.split(/\n\s*\n/).filter((p) => p.trim() !== "");
  return (
    <li className={`${styles.card}${selected ? ` ${ui.selected}` : ""}`} data-testid="news-item" data-news-id={item.id}>
      <button
        type="button"
        className={`${ui.plainButton} ${styles.headlineButton}`}
        data-testid="news-headline"
        aria-expanded={selected}
        aria-controls={bodyId}
        onClick={() => onSelect(item)}
      >
        <span className={styles.meta}>
          <time dateTime={toKstIso(published)}>{formatKstStamp(published)} KST</time>
          <span className={styles.source}>{item.source}</span>
        </span>
        <span className={styles.headline}>{item.headline}</span>
        {item.tickers.length > 0 && (
          <span className={styles.tickers}>
            <span className={ui.srOnly}>Tickers: </span>
            {item.tickers.map((symbol) => {
              const known = names.get(symbol);
              // The Korean name is how Korean readers know a company; the code alone is not.
              const ko = known?.nameKo && known.nameKo !== known.name ? known.nameKo : null;
              return (
                <span key={symbol} className={styles.ticker} title={known?.name} data-testid="ticker-chip">
                  {symbol}
                  {ko && (
                    <span className={styles.tickerKo} lang="ko">
                      {" "}
                      {ko}
                    </span>
                  )}
                </span>
              );
            })}
          </span>
        )}
      </button>
      <div id={bodyId} className={styles.body} hidden={!selected}>
        {selected && paragraphs.map((text, i) => <p key={i}>{text}</p>)}
        {selected && (
          <p className={styles.links}>
            <button type="button" className={ui.button} onClick={() => onReplay(item)} data-testid="news-replay">
              ▶ Replay this reaction
            </button>
            <a href={`/reactions/${encodeURIComponent(item.id)}`}>Full reaction →</a>
            {item.url && SAFE_URL.test(item.url) && (
              <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
                Read at {item.source}
              </a>
            )}
          </p>
        )}
        {selected && item.tickers.length > 0 && (
          <Suspense fallback={<p className={ui.muted}>Loading the reaction…</p>}>
            <ReactionCard
              newsId={item.id}
              headline={item.headline}
              compact
              onReplay={() => onReplay(item)}
              asOf={asOf}
            />
          </Suspense>
        )}
      </div>
    </li>
  );
}
