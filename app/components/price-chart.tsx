"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { Instrument, Interval, NewsItem } from "../../contract/model";
import { calendar } from "../lib/market/calendar";
import type { ChartFocus } from "../lib/charts/chart-focus";
import type { SourceLabel } from "../lib/format/data-labels";
import { paletteOf } from "../lib/charts/chart-palette";
import { formatLegend } from "../lib/charts/chart-legend";
import { placeNewsOnBars } from "../lib/charts/news-markers";
import type { Theme } from "../lib/state/theme";
import { useCandleChart } from "../hooks/use-candle-chart";
import { useColorConvention } from "../hooks/use-color-convention";
import { useChartHistory } from "../hooks/use-chart-history";
import { useMarket, useMarketEpoch } from "../hooks/use-market";
import { ChartQuote } from "./chart-quote";
import styles from "./price-chart.module.css";
import ui from "./ui.module.css";
// Extra history asked for when a headline lies before the loaded bars.
const LEAD_MS = 2 * 3_600_000;

interface PriceChartProps {
  instrument: Instrument;
  interval: Interval;
  theme: Theme;
  /** Headlines naming this instrument. */
  news: readonly NewsItem[];
  selectedNewsId: string | null;
  focus: ChartFocus | null;
  /** Moves when the viewer asks to go back to the live edge. */
  liveNonce: number;
  focused: boolean;
  /** Where this instrument's prices come from (SIMULATED, IMPORTED · file, REPLAY · file, or a mix). */
  source: SourceLabel;
  /** Moves when the watchlist asks to bring this chart into view. */
  revealNonce: number;
}

/** One instrument's candles and volume with its news markers, live. */
export function PriceChart(props: PriceChartProps) {
  const { instrument, interval, theme, news, selectedNewsId, focus, liveNonce, focused, revealNonce, source } = props;
  const { symbol, decimals } = instrument;
  const host = useRef<HTMLDivElement>(null);
  const market = useMarket();
  const { convention } = useColorConvention();
  const palette = useMemo(() => paletteOf(theme, convention), [theme, convention]);
  const chart = useCandleChart(host, decimals, interval, palette);
  const [historyFrom, setHistoryFrom] = useState<{ interval: Interval; from: number } | null>(null);
  const from = historyFrom?.interval === interval ? historyFrom.from : null;
  const epoch = useMarketEpoch();
  const history = useChartHistory(chart, market, symbol, interval, from, epoch);
  const ready = history.loaded === interval;
  const [markerCount, setMarkerCount] = useState(0);
  const appliedFocus = useRef(0);

  useEffect(() => {
    if (!chart || !ready) return;
    const placed = placeNewsOnBars(news, chart.barTimes(), interval, calendar);
    chart.setMarkers(placed.map((p) => ({ time: p.time, selected: p.id === selectedNewsId })));
    setMarkerCount(placed.length);
  }, [chart, ready, news, selectedNewsId, interval, history.barsVersion]);

  useEffect(() => {
    if (!chart || !ready || !focus || appliedFocus.current === focus.nonce) return;
    if (!chart.covers(focus.t0) && (from === null || from > focus.t0 - LEAD_MS)) {
      setHistoryFrom({ interval, from: focus.t0 - LEAD_MS });
      return; // reloads; this effect runs again once the longer history is drawn
    }
    appliedFocus.current = focus.nonce;
    chart.showAround(focus.t0);
  }, [chart, ready, focus, interval, from]);

  useEffect(() => {
    if (liveNonce > 0) chart?.showLatest();
  }, [chart, liveNonce]);

  useEffect(() => {
    if (!chart || !host.current) return;
    const el = host.current;
    // For tests and tools: what is drawn, to hold against /api/candles over the same range
    // (a hole shows as fewer bars, a double bar as more). The count only moves when a bar
    // opens or history loads, which is when barsVersion moves.
    const span = chart.barSpan();
    el.dataset.barCount = String(span.count);
    el.dataset.firstBarTime = span.first === null ? "" : String(span.first);
    el.dataset.lastBarTime = span.last === null ? "" : String(span.last);
  }, [chart, ready, history.barsVersion]);

  useEffect(() => {
    if (!chart || !host.current) return;
    const el = host.current;
    // For tests and tools: the visible time range in epoch seconds.
    return chart.onVisibleRange((range) => {
      el.dataset.visibleFrom = range ? String(range.from) : "";
      el.dataset.visibleTo = range ? String(range.to) : "";
    });
  }, [chart]);

  const legend = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!chart) return;
    // Written straight to the DOM: the crosshair moves far more often than React should render.
    return chart.onHover((bar) => {
      if (legend.current) legend.current.textContent = bar ? formatLegend(bar, decimals) : "";
    });
  }, [chart, decimals]);

  useEffect(() => {
    if (revealNonce === 0 || !focused || !host.current) return;
    host.current.scrollIntoView({ block: "nearest", behavior: "smooth" });
    host.current.focus({ preventScroll: true });
  }, [focused, revealNonce]);

  return (
    <article
      className={`${styles.card}${focused ? ` ${styles.focused}` : ""}`}
      aria-labelledby={`chart-title-${symbol}`}
    >
      <header className={styles.head}>
        <h3 id={`chart-title-${symbol}`} className={styles.title}>
          <span className={ui.instrumentName}>{instrument.name}</span>{" "}
          <span className={ui.instrumentSymbol}>{symbol}</span> <span className={styles.interval}>{interval}</span>{" "}
          <span
            className={`${styles.source}${source.kind === "imported" ? ` ${styles.imported}` : ""}`}
            data-testid={`chart-source-${symbol}`}
          >
            {source.text}
          </span>
        </h3>
        <ChartQuote instrument={instrument} interval={interval} markerCount={markerCount} host={host} />
      </header>
      <div className={styles.frame}>
        <div
          ref={host}
          className={styles.host}
          role="img"
          // aria-label: written by ChartQuote, which re-renders with every trade; this card does not.
          tabIndex={-1}
          data-testid={`chart-${symbol}`}
          data-interval={interval}
          data-ready={ready ? "true" : "false"}
          data-marker-count={markerCount}
          data-up-color={palette.up}
        />
        <p ref={legend} className={styles.legend} aria-hidden="true" />
        {!ready && !history.error && <p className={styles.overlay}>Loading {interval} bars…</p>}
        {history.error && (
          <p className={styles.overlay} role="alert">
            Chart unavailable: {history.error}
          </p>
        )}
      </div>
    </article>
  );
}
