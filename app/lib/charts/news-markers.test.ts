import { describe, expect, it } from "vitest";
import { KrxCalendar } from "../../../domain/market/krx-calendar";
import { placeNewsOnBars } from "./news-markers";

const calendar = new KrxCalendar(new Set());
const sec = (iso: string) => Date.parse(iso) / 1000;
// One-minute bars of 22 Oct 2025 around the shipped headline (13:07 Seoul), with a gap.
const bars = ["13:05", "13:06", "13:07", "13:08", "13:20", "15:29"].map((hm) => sec(`2025-10-22T${hm}:00+09:00`));
const news = (id: string, publishedAt: string) => ({ id, publishedAt });

describe("placeNewsOnBars", () => {
  it("puts a headline on the bar that holds its publish time", () => {
    expect(placeNewsOnBars([news("a", "2025-10-22T13:07:42+09:00")], bars, "1m", calendar)).toEqual([
      { id: "a", time: sec("2025-10-22T13:07:00+09:00") },
    ]);
  });

  it("snaps a headline in a gap to the nearest bar", () => {
    const placed = placeNewsOnBars(
      [news("early", "2025-10-22T13:10:00+09:00"), news("late", "2025-10-22T13:17:00+09:00")],
      bars,
      "1m",
      calendar,
    );
    expect(placed).toEqual([
      { id: "early", time: sec("2025-10-22T13:08:00+09:00") },
      { id: "late", time: sec("2025-10-22T13:20:00+09:00") },
    ]);
  });

  it("moves news from outside the session to the next open", () => {
    const morning = [sec("2025-10-23T09:00:00+09:00"), sec("2025-10-23T09:01:00+09:00")];
    expect(
      placeNewsOnBars([news("night", "2025-10-22T20:15:00+09:00")], [...bars, ...morning], "1m", calendar),
    ).toEqual([{ id: "night", time: sec("2025-10-23T09:00:00+09:00") }]);
  });

  it("leaves out headlines far outside the loaded bars", () => {
    expect(placeNewsOnBars([news("old", "2025-10-21T13:07:00+09:00")], bars, "1m", calendar)).toEqual([]);
    expect(placeNewsOnBars([news("x", "2025-10-22T13:07:00+09:00")], [], "1m", calendar)).toEqual([]);
  });

  it("uses the day bar, stamped at midnight Seoul, on a daily chart", () => {
    const days = [sec("2025-10-21T00:00:00+09:00"), sec("2025-10-22T00:00:00+09:00")];
    expect(placeNewsOnBars([news("a", "2025-10-22T13:07:00+09:00")], days, "1d", calendar)).toEqual([
      { id: "a", time: days[1] },
    ]);
  });
});
