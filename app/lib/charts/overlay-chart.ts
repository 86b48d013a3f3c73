import {
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type LineData,
  LineSeries,
  LineStyle,
  type Time,
  type UTCTimestamp,
  type WhitespaceData,
  createChart,
  createSeriesMarkers,
} from "lightweight-charts";
import type { ChartPalette } from "./chart-palette";
import { lastSample } from "./event-overlay-series";
import { formatSignedPrice } from "../format/format-number";
import { type OverlayPalette, overlayColor } from "./overlay-palette";
import { formatOffsetMinutes, formatOffsetPrecise } from "../format/reaction-format";
import type { OverlayData } from "./event-overlay-series";

// The x axis is "seconds since the headline". lightweight-charts only knows calendar
// time, so offsets ride on a fake epoch: a whole number of days, so that t0 takes the
// strongest tick weight and minute marks fall on whole minutes since the headline.
const FAKE_EPOCH = 86_400 * 10_000;
const toTime = (offset: number) => (FAKE_EPOCH + offset) as UTCTimestamp;
const offsetOf = (time: Time) => (typeof time === "number" ? time - FAKE_EPOCH : 0);

/** Colours the overlay draws with: the dashboard's chart palette plus its line colours. */
export interface OverlayColors {
  chart: ChartPalette;
  lines: OverlayPalette;
}

/**
 * The event overlay on one lightweight-charts chart: a line per symbol, percent moves
 * against minutes since the headline. Knows nothing about React or fetching.
 */
export class OverlayChart {
  private readonly chart: IChartApi;
  private readonly series = new Map<string, ISeriesApi<"Line">>();
  private markers: ISeriesMarkersPluginApi<Time> | null = null;
  private data: OverlayData | null = null;

  constructor(
    host: HTMLElement,
    private colors: OverlayColors,
  ) {
    this.chart = createChart(host, {
      autoSize: true,
      // The logo is a link, and a link inside the role="img" host is an accessibility
      // failure (nested interactive); the page footer carries the library's notice and a
      // link to tradingview.com instead, as the dashboard's charts do.
      layout: { fontFamily: getComputedStyle(host).fontFamily, fontSize: 11, attributionLogo: false },
      timeScale: { tickMarkFormatter: (time: Time) => formatOffsetMinutes(offsetOf(time)), rightOffset: 2 },
      localization: {
        timeFormatter: (time: Time) => formatOffsetPrecise(offsetOf(time)),
        priceFormatter: (value: number) => `${formatSignedPrice(value, 2)}%`,
      },
      rightPriceScale: { scaleMargins: { top: 0.12, bottom: 0.08 } },
      // The page scrolls with the wheel; dragging and pinching still pan and zoom.
      handleScroll: { mouseWheel: false, pressedMouseMove: true, horzTouchDrag: true, vertTouchDrag: false },
      handleScale: { mouseWheel: false, pinch: true, axisPressedMouseMove: true },
    });
    this.applyChartColors();
  }

  /** Redraws in another theme's colours. */
  setColors(colors: OverlayColors): void {
    this.colors = colors;
    this.applyChartColors();
    if (this.data) this.setData(this.data);
  }

  /** Draws one line per symbol of `data`; returns how many lines have something to show. */
  setData(data: OverlayData): number {
    this.data = data;
    const wanted = new Set(data.lines.map((l) => l.symbol));
    for (const [symbol, s] of this.series) {
      if (wanted.has(symbol)) continue;
      this.chart.removeSeries(s);
      this.series.delete(symbol);
    }
    let stockIndex = 0;
    for (const line of data.lines) {
      const options = {
        color: overlayColor(this.colors.lines, line.benchmark ? 0 : stockIndex++, line.benchmark),
        lineWidth: line.benchmark ? 2 : 3,
        // Dashed benchmark: told apart from the tickers without relying on colour.
        lineStyle: line.benchmark ? LineStyle.Dashed : LineStyle.Solid,
        priceLineVisible: false,
        lastValueVisible: true,
        title: line.symbol,
      } as const;
      let s = this.series.get(line.symbol);
      if (s) s.applyOptions(options);
      else this.series.set(line.symbol, (s = this.chart.addSeries(LineSeries, options)));
      // Every line carries every grid point (whitespace where it has no trade), so the axis
      // always spans −30 … +60 even while a live headline's future is still empty.
      s.setData(
        line.points.map((p): LineData | WhitespaceData =>
          p.percent === null ? { time: toTime(p.offset) } : { time: toTime(p.offset), value: p.percent },
        ),
      );
    }
    this.markHeadline(data);
    // A little room either side of −30 … +60, or the axis clips its end labels.
    const points = Math.max(0, ...data.lines.map((l) => l.points.length));
    this.chart.timeScale().setVisibleLogicalRange({ from: -16, to: points + 8 });
    return data.lines.filter((l) => lastSample(l.points) !== null).length;
  }

  /** Frees the canvas and its listeners. */
  remove(): void {
    this.chart.remove();
  }

  private markHeadline(data: OverlayData): void {
    const anchor = data.lines.find((l) => !l.benchmark) ?? data.lines[0];
    const series = anchor && this.series.get(anchor.symbol);
    this.markers?.detach();
    this.markers = series
      ? createSeriesMarkers(series, [
          {
            time: toTime(0),
            position: "aboveBar",
            shape: "arrowDown",
            color: this.colors.chart.news,
            text: "headline",
          },
        ])
      : null;
  }

  private applyChartColors(): void {
    const p = this.colors.chart;
    this.chart.applyOptions({
      layout: { background: { color: p.background }, textColor: p.text },
      grid: { vertLines: { color: p.grid }, horzLines: { color: p.grid } },
      rightPriceScale: { borderColor: p.border },
      timeScale: { borderColor: p.border },
      crosshair: {
        vertLine: { color: p.crosshair, labelBackgroundColor: p.crosshair },
        horzLine: { color: p.crosshair, labelBackgroundColor: p.crosshair },
      },
    });
  }
}
