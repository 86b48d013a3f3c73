"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { paletteOf } from "../lib/charts/chart-palette";
import { describeOverlay } from "../lib/charts/describe-overlay";
import { OVERLAY_AFTER_S, OVERLAY_BEFORE_S, OVERLAY_STEP_S } from "../lib/charts/event-overlay-series";
import { formatKstTime } from "../lib/format/format-kst";
import { OverlayChart, type OverlayColors } from "../lib/charts/overlay-chart";
import { overlayColor, overlayPaletteOf } from "../lib/charts/overlay-palette";
import { useEventOverlay } from "../hooks/use-event-overlay";
import { useInstrumentDirectory } from "../hooks/use-instrument-directory";
import { useReactions } from "../hooks/use-reactions";
import { useColorConvention } from "../hooks/use-color-convention";
import { useTheme } from "../hooks/use-theme";
import { EventOverlayLegend } from "./event-overlay-legend";
import styles from "./event-overlay-chart.module.css";
import ui from "./ui.module.css";

/** The headline's tickers and the benchmark, rebased to 0% at t0, −30 … +60 minutes. */
export function EventOverlayChart({ newsId }: { newsId: string }) {
  const { data, error } = useEventOverlay(newsId);
  // Daily bars only: a minute path would be drawn from the bars' made-up ticks, so none is.
  const { reactions } = useReactions(newsId);
  const dailyOnly = reactions !== null && reactions.length > 0 && reactions.every((r) => r.resolution === "daily");
  const instruments = useInstrumentDirectory();
  const { theme } = useTheme();
  const { convention } = useColorConvention();
  const colors = useMemo<OverlayColors>(
    () => ({ chart: paletteOf(theme, convention), lines: overlayPaletteOf(theme) }),
    [theme, convention],
  );
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<OverlayChart | null>(null);
  const [drawn, setDrawn] = useState(0);
  const titleId = useId();

  useEffect(() => {
    if (!hostRef.current) return;
    const chart = new OverlayChart(hostRef.current, colors);
    chartRef.current = chart;
    return () => {
      chart.remove();
      chartRef.current = null;
    };
    // The chart is made once; colours and data are applied by the effects below.
  }, []);

  useEffect(() => chartRef.current?.setColors(colors), [colors]);

  useEffect(() => {
    if (data && chartRef.current) setDrawn(chartRef.current.setData(data));
  }, [data]);

  let stockIndex = 0;
  const entries = (data?.lines ?? []).map((line) => ({
    line,
    name: instruments.get(line.symbol)?.name,
    color: overlayColor(colors.lines, line.benchmark ? 0 : stockIndex++, line.benchmark),
  }));

  return (
    <figure className={styles.figure} data-testid="event-overlay" data-series-count={drawn} aria-labelledby={titleId}>
      <figcaption className={styles.caption}>
        <h2 id={titleId} className={ui.heading}>
          Move since the headline
        </h2>
        <p className={ui.subheading} hidden={dailyOnly}>
          Each line rebased to 0% at t0{data && <> ({formatKstTime(data.t0)} KST)</>}; minutes since the headline, −
          {OVERLAY_BEFORE_S / 60} to +{OVERLAY_AFTER_S / 60}; last trade every {OVERLAY_STEP_S} s.
        </p>
      </figcaption>
      <div
        ref={hostRef}
        className={styles.chart}
        role="img"
        aria-label={describeOverlay(data, (s) => instruments.get(s)?.name)}
        hidden={dailyOnly || (Boolean(error) && !data)}
      />
      {dailyOnly && (
        <p className={styles.error} role="status" data-testid="overlay-daily-only">
          Only daily bars around this headline ({reactions[0]!.daily?.eventDay ?? "its day"}): there is no
          minute-by-minute path to draw. The daily event study in the reaction card gives the move by trading day.
        </p>
      )}
      {error && (
        <p className={styles.error} role="status">
          {error}
        </p>
      )}
      {data && !dailyOnly && <EventOverlayLegend entries={entries} />}
    </figure>
  );
}
