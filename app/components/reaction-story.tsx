"use client";

import { type ReactNode, useId } from "react";
import { formatKstDate, formatKstTime, toKstIso } from "../lib/format/format-kst";
import { useNewsItem } from "../hooks/use-news-item";
import styles from "./reaction-story.module.css";

/** A headline on top, what is said about it (`children`) in the middle, its text below. */
export function ReactionStory({ newsId, children }: { newsId: string; children: ReactNode }) {
  const { item, error } = useNewsItem(newsId);
  const published = item ? Date.parse(item.publishedAt) : null;
  const titleId = useId();
  return (
    <article
      className={styles.story}
      data-testid="reaction-story"
      data-state={item ? "ready" : error ? "error" : "loading"}
    >
      <header>
        <h1 className={styles.headline}>
          {item?.headline ??
            (error === "missing" ? "Unknown headline" : error ? "Headline unavailable" : "Loading headline…")}
        </h1>
        {item && published !== null && (
          <p className={styles.meta}>
            {item.source}
            {" · "}
            <time dateTime={toKstIso(published)}>
              {formatKstDate(published)} {formatKstTime(published)} KST
            </time>
            {item.tickers.length > 0 && <> · {item.tickers.join(", ")}</>}
            {item.url && (
              <>
                {" · "}
                <a href={item.url} rel="noopener noreferrer" target="_blank">
                  original report
                </a>
              </>
            )}
          </p>
        )}
        {error && error !== "missing" && <p className={styles.meta}>{error}</p>}
      </header>
      {children}
      {item && (
        <section className={styles.bodySection} aria-labelledby={titleId}>
          <h2 id={titleId} className={styles.bodyTitle}>
            The story
          </h2>
          {/* Plain text: paragraphs split on blank lines, never parsed as HTML. */}
          {item.body.split(/\n\s*\n/).map((para, i) => (
            <p key={i} className={styles.para}>
              {para}
            </p>
          ))}
        </section>
      )}
    </article>
  );
}
