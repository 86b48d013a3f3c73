import {
  CandlestickSeries,
  HistogramSeries,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
  createChart,
  createSeriesMarkers,
} from "lightweight-charts";
import type { Candle, Interval, Tick } from "../../../contract/model";
import { bucketStartMs } from "../../../domain/candles/buckets";
import { CandleBuilder } from "../../../domain/candles/candle-builder";
import type { ChartPalette } from "./chart-palette";
import { drawProbe, recordHistoryDraw, recordTickDraws } from "./draw-probe";
import { crosshairLabel, tickMarkLabel } from "./chart-time-format";
import { formatPrice } from "../format/format-number";
import { RIGHT_OFFSET_BARS, defaultLogicalRange, reactionBars } from "./visible-window";

/** A headline drawn on the chart at a bar time (epoch seconds). */
export interface NewsMarker {
  time: number;
  selected: boolean;
}

const VOLUME_SCALE = "volume";
// The canvas cannot inherit CSS fonts; this is --font-ui of globals.css.
const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
const asTime = (seconds: number) => seconds as UTCTimestamp;

/**
 * One lightweight-charts chart: candles, volume on its own scale, news markers. Owns the
 * bars it shows so live ticks can be folded into the last one with the same CandleBuilder
 * the server uses for history. Knows nothing about React or sockets.
 */
export class CandleChart {
  private readonly chart: IChartApi;
  private readonly candles: ISeriesApi<"Candlestick">;
  private readonly volume: ISeriesApi<"Histogram">;
  private readonly markers: ISeriesMarkersPluginApi<Time>;
  private bars: Candle[] = [];
  private builder: CandleBuilder;
  private palette: ChartPalette;
  private readonly host: HTMLElement;

  constructor(host: HTMLElement, decimals: number, interval: Interval, palette: ChartPalette) {
    this.host = host;
    this.palette = palette;
    this.builder = new CandleBuilder(interval);
    this.chart = createChart(host, {
      autoSize: true,
      // The logo is a link, and a link inside the role="img" container is an accessibility
      // failure (nested interactive). The library's README accepts its notice plus a link
      // to tradingview.com elsewhere on the page instead: the footer carries both.
      layout: { fontFamily: CHART_FONT, fontSize: 11, attributionLogo: false },
      rightPriceScale: { scaleMargins: { top: 0.12, bottom: 0.24 } },
      timeScale: {
        rightOffset: RIGHT_OFFSET_BARS,
        tickMarkFormatter: tickMarkLabel,
        minBarSpacing: 0.5,
        maxBarSpacing: 48,
      },
      // The page scrolls with the wheel; dragging and pinching still pan and zoom a chart.
      handleScroll: { mouseWheel: false, pressedMouseMove: true, horzTouchDrag: true, vertTouchDrag: false },
      handleScale: { mouseWheel: true, pinch: true, axisPressedMouseMove: true },
    });
    this.candles = this.chart.addSeries(CandlestickSeries, {
      priceFormat: {
        type: "custom",
        minMove: 1 / 10 ** decimals,
        formatter: (price: number) => formatPrice(price, decimals),
      },
    });
    this.volume = this.chart.addSeries(HistogramSeries, {
      priceScaleId: VOLUME_SCALE,
      priceFormat: { type: "volume" },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    this.chart.priceScale(VOLUME_SCALE).applyOptions({ scaleMargins: { top: 0.8, bottom: 0 }, visible: false });
    this.markers = createSeriesMarkers(this.candles, [], { zOrder: "top" });
    this.setInterval(interval);
    this.setPalette(palette);
  }

  setPalette(palette: ChartPalette): void {
    this.palette = palette;
    this.chart.applyOptions({
      layout: { background: { color: palette.background }, textColor: palette.text },
      grid: { vertLines: { color: palette.grid }, horzLines: { color: palette.grid } },
      rightPriceScale: { borderColor: palette.border },
      timeScale: { borderColor: palette.border },
      crosshair: {
        vertLine: { color: palette.crosshair, labelBackgroundColor: palette.border },
        horzLine: { color: palette.crosshair, labelBackgroundColor: palette.border },
      },
    });
    this.candles.applyOptions({
      upColor: palette.up,
      downColor: palette.down,
      borderUpColor: palette.up,
      borderDownColor: palette.down,
      wickUpColor: palette.up,
      wickDownColor: palette.down,
    });
    this.volume.setData(this.bars.map((bar) => this.volumeBar(bar)));
  }

  /** Replaces the bars with history of `interval` and shows the default window. */
  setHistory(interval: Interval, candles: readonly Candle[]): void {
    this.setInterval(interval);
    this.bars = [...candles];
    this.builder = new CandleBuilder(interval);
    this.builder.seed(this.bars.at(-1) ?? null);
    this.candles.setData(this.bars.map((bar) => ({ ...bar, time: asTime(bar.time) })));
    this.volume.setData(this.bars.map((bar) => this.volumeBar(bar)));
    this.showLatest();
    const probe = drawProbe();
    if (probe) recordHistoryDraw(probe, this.host.dataset.testid ?? "", this.bars.length);
  }

  /** Folds live ticks into the bars; true when a new bar was opened. */
  applyTicks(ticks: readonly Tick[]): boolean {
    let opened = false;
    let pending: Candle | null = null;
    // Benchmarks only: the ticks this call draws (null, and no work, without a probe).
    const probe = drawProbe();
    const drawn: Tick[] | null = probe ? [] : null;
    for (const tick of ticks) {
      const update = this.builder.add(tick.ts, tick.price, tick.size);
      if (!update) continue; // older than the last bar: the chart cannot redraw a closed bar
      drawn?.push(tick);
      if (update.isNew) {
        if (pending) this.draw(pending);
        this.bars.push(update.candle);
        opened = true;
      } else {
        this.bars[this.bars.length - 1] = update.candle;
      }
      pending = update.candle;
    }
    if (pending) this.draw(pending);
    if (probe && drawn && drawn.length > 0) recordTickDraws(probe, drawn);
    return opened;
  }

  barTimes(): number[] {
    return this.bars.map((bar) => bar.time);
  }

  /** How many bars are drawn and the times (epoch seconds) of the first and last; null when there are none. */
  barSpan(): { count: number; first: number | null; last: number | null } {
    return { count: this.bars.length, first: this.bars[0]?.time ?? null, last: this.bars.at(-1)?.time ?? null };
  }

  /** True when the loaded bars reach back to `ms` (epoch ms). */
  covers(ms: number): boolean {
    const first = this.bars[0];
    return first !== undefined && first.time * 1000 <= ms;
  }

  setMarkers(markers: readonly NewsMarker[]): void {
    this.markers.setMarkers(
      markers.map((m): SeriesMarker<Time> => ({
        time: asTime(m.time),
        position: "aboveBar",
        shape: "arrowDown",
        color: m.selected ? this.palette.newsSelected : this.palette.news,
        text: "N",
        size: m.selected ? 2 : 1,
      })),
    );
  }

  /** Shows the reaction window around `t0` (epoch ms): bars before and after its bar. */
  showAround(t0: number): void {
    if (this.bars.length === 0) return;
    const bucket = bucketStartMs(t0, this.builder.interval) / 1000;
    let index = this.bars.findIndex((bar) => bar.time >= bucket);
    if (index < 0) index = this.bars.length - 1;
    const { before, after } = reactionBars(this.builder.interval);
    this.chart.timeScale().setVisibleLogicalRange({ from: index - before, to: index + after });
  }

  /** Back to the default window ending at the live bar. */
  showLatest(): void {
    if (this.bars.length === 0) return;
    this.chart.timeScale().setVisibleLogicalRange(defaultLogicalRange(this.bars.length, this.builder.interval));
  }

  /** Calls `listener` with the bar under the crosshair, or null when it leaves the bars. */
  onHover(listener: (bar: Candle | null) => void): () => void {
    const handler = (param: { time?: Time }) => {
      const time = param.time;
      listener(typeof time === "number" ? (this.barAt(time) ?? null) : null);
    };
    this.chart.subscribeCrosshairMove(handler);
    return () => this.chart.unsubscribeCrosshairMove(handler);
  }

  /** Calls `listener` with the visible time range (epoch seconds) whenever it moves. */
  onVisibleRange(listener: (range: { from: number; to: number } | null) => void): () => void {
    const handler = (range: { from: Time; to: Time } | null) =>
      listener(
        range && typeof range.from === "number" && typeof range.to === "number"
          ? { from: range.from, to: range.to }
          : null,
      );
    this.chart.timeScale().subscribeVisibleTimeRangeChange(handler);
    return () => this.chart.timeScale().unsubscribeVisibleTimeRangeChange(handler);
  }

  destroy(): void {
    this.chart.remove();
  }

  private barAt(time: number): Candle | undefined {
    // Hovering is usually near the live edge, so search from the end.
    for (let i = this.bars.length - 1; i >= 0; i--) {
      const bar = this.bars[i]!;
      if (bar.time === time) return bar;
      if (bar.time < time) return undefined;
    }
    return undefined;
  }

  private setInterval(interval: Interval): void {
    this.chart.applyOptions({
      localization: { timeFormatter: (time: Time) => crosshairLabel(time, interval) },
      timeScale: { timeVisible: interval !== "1d", secondsVisible: interval === "1s" },
    });
  }

  private draw(bar: Candle): void {
    this.candles.update({ ...bar, time: asTime(bar.time) });
    this.volume.update(this.volumeBar(bar));
  }

  private volumeBar(bar: Candle) {
    return {
      time: asTime(bar.time),
      value: bar.volume,
      color: bar.close >= bar.open ? this.palette.volumeUp : this.palette.volumeDown,
    };
  }
}
