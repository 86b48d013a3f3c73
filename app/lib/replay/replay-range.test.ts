import { describe, expect, it } from "vitest";
import { KrxCalendar } from "../../../domain/market/krx-calendar";
import { lastSessionRange, reactionReplayRange } from "./replay-range";

const at = (iso: string) => Date.parse(iso);

describe("replay ranges", () => {
  it("a headline replays from t0 − 30 min to t0 + 90 min", () => {
    expect(reactionReplayRange(at("2025-10-22T13:07:00+09:00"))).toEqual({
      from: at("2025-10-22T12:37:00+09:00"),
      to: at("2025-10-22T14:37:00+09:00"),
    });
  });

  it("without a headline, the last closed session", () => {
    const calendar = new KrxCalendar();
    // Wednesday 15:30 is the close: that session counts as closed.
    expect(lastSessionRange(calendar, at("2025-10-22T15:30:00+09:00"))).toEqual({
      from: at("2025-10-22T09:00:00+09:00"),
      to: at("2025-10-22T15:30:00+09:00"),
    });
    // Monday morning before the open: Friday's session.
    expect(lastSessionRange(calendar, at("2025-10-27T08:00:00+09:00"))).toEqual({
      from: at("2025-10-24T09:00:00+09:00"),
      to: at("2025-10-24T15:30:00+09:00"),
    });
  });
});
