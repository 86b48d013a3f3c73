import { describe, expect, it } from "vitest";
import { crosshairLabel, tickMarkLabel } from "./chart-time-format";

// 09:00:30 Seoul on 23 Oct 2025 = 00:00:30 UTC, in epoch seconds.
const t = Date.UTC(2025, 9, 23, 0, 0, 30) / 1000;

describe("chart time labels", () => {
  it("labels ticks in Asia/Seoul without shifting the timestamp", () => {
    expect(tickMarkLabel(t, 2)).toBe("23 Oct");
    expect(tickMarkLabel(t, 3)).toBe("09:00");
    expect(tickMarkLabel(t, 4)).toBe("09:00:30");
    expect(tickMarkLabel(t, 1)).toBe("Oct 2025");
    expect(tickMarkLabel("2025-10-23", 3)).toBeNull();
  });

  it("puts date and KST time on the crosshair, seconds only on 1s", () => {
    expect(crosshairLabel(t, "1m")).toBe("Thu 23 Oct 2025 09:00 KST");
    expect(crosshairLabel(t, "1s")).toBe("Thu 23 Oct 2025 09:00:30 KST");
    // A daily bar is stamped midnight Seoul (15:00 UTC the day before) and shows that date.
    expect(crosshairLabel(Date.UTC(2025, 9, 22, 15) / 1000, "1d")).toBe("Thu 23 Oct 2025");
  });
});
