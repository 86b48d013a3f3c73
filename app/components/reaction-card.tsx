"use client";

import { useId } from "react";
import { BENCHMARK } from "../../domain/benchmark";
import { RETURN_WINDOW_LABELS } from "../lib/format/reaction-format";
import { formatKstDate, formatKstTime, toKstIso } from "../lib/format/format-kst";
import { replayHref } from "../lib/replay/replay-permalink";
import { reactionReplayRange } from "../lib/replay/replay-range";
import { REACTION_REFRESH_MS, useReactions } from "../hooks/use-reactions";
import { decimalsOf, useInstrumentDirectory } from "../hooks/use-instrument-directory";
import { ReactionDownloads } from "./reaction-downloads";
import { StudyLikeThis } from "./study-like-this";
import { ReactionTicker } from "./reaction-ticker";
import { ReactionWindows } from "./reaction-windows";
import styles from "./reaction-card.module.css";
import ui from "./ui.module.css";

interface ReactionCardProps {
  newsId: string;
  /** Beside a headline in the news column: the figures without the window table. */
  compact?: boolean;
  /** On the dashboard the replay starts in place; elsewhere the button is a dashboard link. */
  onReplay?: () => void;
  /** A replay's clock: the figures as they stood then. */
  asOf?: number | null;
  /** The headline, when the caller has it (for "study headlines like this one"). */
  headline?: string;
}

/** How the tickers of one headline reacted; refreshes while windows are still open. */
export function ReactionCard({ newsId, compact = false, onReplay, asOf = null, headline }: ReactionCardProps) {
  const { reactions, error, open } = useReactions(newsId, asOf);
  const live = open.length > 0;
  const titleId = useId();
  const instruments = useInstrumentDirectory();
  const state = reactions ? "ready" : error ? "error" : "loading";
  const first = reactions?.[0];
  const t0 = first ? Date.parse(first.t0) : null;
  const published = first ? Date.parse(first.publishedAt) : null;

  return (
    <section
      className={`${styles.card}${compact ? ` ${styles.compact}` : ""}`}
      data-testid="reaction-card"
      data-state={state}
      data-live={live}
      aria-labelledby={titleId}
    >
      <header className={styles.head}>
        <div>
          <h2 id={titleId} className={ui.heading}>
            Price reaction
          </h2>
          {t0 !== null && (
            <p className={`${ui.subheading} ${styles.sub}`}>
              t0 <time dateTime={toKstIso(t0)}>{formatKstTime(t0)}</time> KST, {formatKstDate(t0)}
              {published !== null && published !== t0 && (
                <> (published {formatKstTime(published)}; first tradable moment after it)</>
              )}
              {" · "}abnormal vs {BENCHMARK}
              {reactions?.every((r) => r.resolution === "daily") && (
                <>
                  {" · "}
                  <span data-testid="card-resolution">daily resolution (day 0 {reactions[0]?.daily?.eventDay})</span>
                </>
              )}
            </p>
          )}
        </div>
        <div className={styles.actions}>
          {t0 !== null && (
            <a
              className={styles.button}
              href={replayHref({ ...reactionReplayRange(t0), speed: 60 }, newsId)}
              onClick={(event) => {
                if (!onReplay) return;
                event.preventDefault();
                onReplay();
              }}
              data-testid="reaction-replay"
            >
              ▶ Replay this reaction
            </a>
          )}
          {state !== "error" && <ReactionDownloads newsId={newsId} />}
          {first && (
            <StudyLikeThis symbol={first.symbol} headline={headline} newsId={newsId} className={styles.button} />
          )}
        </div>
      </header>

      <p className={styles.status} role="status">
        {state === "loading" && "Loading reaction…"}
        {live && (
          <>
            <span className={styles.liveDot} aria-hidden="true" />
            {open.map((w) => RETURN_WINDOW_LABELS[w]).join(", ")} not reached yet: updating every{" "}
            {REACTION_REFRESH_MS / 1000} s
          </>
        )}
        {error && (error.status === 404 ? "Unknown headline." : `Could not load the reaction: ${error.message}`)}
      </p>

      {reactions && reactions.length === 0 && (
        <p className={styles.empty}>No reaction: none of the headline's tickers traded before it.</p>
      )}
      {reactions?.map((r) => (
        <ReactionTicker
          key={r.symbol}
          reaction={r}
          name={instruments.get(r.symbol)?.name}
          decimals={decimalsOf(instruments, r.symbol)}
        />
      ))}
      {reactions && !compact && <ReactionWindows reactions={reactions} />}
    </section>
  );
}
