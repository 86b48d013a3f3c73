import { type IChartApi, LineSeries, LineStyle, type Time, type UTCTimestamp, createChart } from "lightweight-charts";
import type { Study } from "../../../contract/model";
import type { ChartPalette } from "./chart-palette";

// lightweight-charts only knows calendar time: event time rides on a fake epoch, one
// minute (or one trading day) per 60 s, and the axis prints the offset.
const FAKE_EPOCH = 86_400 * 10_000;
const toTime = (t: number) => (FAKE_EPOCH + t * 60) as UTCTimestamp;
const offsetOf = (time: Time) => (typeof time === "number" ? (time - FAKE_EPOCH) / 60 : 0);

/** Draws a study's CAAR path (percent) with its 95% band on one chart. */
export function drawStudyChart(host: HTMLElement, study: Study, palette: ChartPalette): IChartApi {
  const unit = study.resolution === "intraday" ? "m" : "d";
  const chart = createChart(host, {
    autoSize: true,
    layout: {
      background: { color: palette.background },
      textColor: palette.text,
      fontSize: 11,
      attributionLogo: false,
    },
    grid: { vertLines: { color: palette.grid }, horzLines: { color: palette.grid } },
    timeScale: { borderColor: palette.border, tickMarkFormatter: (time: Time) => `${offsetOf(time)}${unit}` },
    rightPriceScale: { borderColor: palette.border },
    localization: {
      timeFormatter: (time: Time) => `t = ${offsetOf(time)}${unit}`,
      priceFormatter: (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(2)}%`,
    },
    handleScroll: { mouseWheel: false, pressedMouseMove: true, horzTouchDrag: true, vertTouchDrag: false },
    handleScale: { mouseWheel: false, pinch: true, axisPressedMouseMove: true },
  });
  const line = (key: "caar" | "lo" | "hi") =>
    study.path.filter((p) => p[key] !== null).map((p) => ({ time: toTime(p.t), value: p[key]! * 100 }));
  const band = {
    color: palette.text,
    lineWidth: 1 as const,
    lineStyle: LineStyle.Dashed,
    lastValueVisible: false,
    priceLineVisible: false,
    crosshairMarkerVisible: false,
  };
  chart.addSeries(LineSeries, { ...band, title: "95% band" }).setData(line("hi"));
  chart.addSeries(LineSeries, band).setData(line("lo"));
  chart.addSeries(LineSeries, { color: palette.newsSelected, lineWidth: 2, title: "CAAR" }).setData(line("caar"));
  chart.timeScale().fitContent();
  return chart;
}
