"use client";

import type { Instrument, Interval, NewsItem } from "../../contract/model";
import type { ChartFocus } from "../lib/charts/chart-focus";
import type { SourceLabel } from "../lib/format/data-labels";
import type { Theme } from "../lib/state/theme";
import { IntervalSwitch } from "./interval-switch";
import { PriceChart } from "./price-chart";
import styles from "./chart-panel.module.css";
import ui from "./ui.module.css";

interface ChartPanelProps {
  instruments: readonly Instrument[];
  interval: Interval;
  onIntervalChange: (interval: Interval) => void;
  theme: Theme;
  news: readonly NewsItem[];
  selectedNewsId: string | null;
  focus: ChartFocus | null;
  liveNonce: number;
  onLive: () => void;
  focusedSymbol: string;
  revealNonce: number;
  sourceOf: (symbol: string) => SourceLabel;
}

/** One chart per instrument under a shared toolbar (interval, back to live). */
export function ChartPanel(props: ChartPanelProps) {
  const { instruments, interval, onIntervalChange, onLive, news } = props;
  return (
    <section className={`${ui.panel} ${styles.charts}`} aria-labelledby="charts-title">
      <div className={styles.toolbar}>
        <h2 id="charts-title" className={`${ui.panelTitle} ${styles.title}`}>
          Charts <span className={ui.panelHint}>times in KST</span>
        </h2>
        <IntervalSwitch value={interval} onChange={onIntervalChange} />
        <button
          type="button"
          className={ui.button}
          data-testid="go-live"
          onClick={onLive}
          title="Show the latest bars of every chart"
        >
          Latest ⇥
        </button>
      </div>
      <div className={styles.stack}>
        {instruments.map((instrument) => (
          <PriceChart
            key={instrument.symbol}
            instrument={instrument}
            interval={interval}
            theme={props.theme}
            news={news.filter((item) => item.tickers.includes(instrument.symbol))}
            selectedNewsId={props.selectedNewsId}
            focus={props.focus}
            liveNonce={props.liveNonce}
            focused={instrument.symbol === props.focusedSymbol}
            revealNonce={props.revealNonce}
            source={props.sourceOf(instrument.symbol)}
          />
        ))}
      </div>
    </section>
  );
}
