import { describe, expect, it } from "vitest";
import { parseReplayLink, replayHref, writeReplayLink } from "./replay-permalink";

const FROM = Date.parse("2025-10-22T13:05:00+09:00");
const TO = Date.parse("2025-10-22T14:37:00+09:00");

describe("replay permalink", () => {
  it("round-trips range, speed and clock", () => {
    const search = new URLSearchParams("news=abc");
    writeReplayLink(search, { from: FROM, to: TO, speed: 60, t: FROM + 90_000 });
    expect(search.get("replay")).toBe("2025-10-22T13:05:00,2025-10-22T14:37:00");
    expect(search.get("news")).toBe("abc");
    expect(parseReplayLink(new URLSearchParams(search.toString()))).toEqual({
      from: FROM,
      to: TO,
      speed: 60,
      t: FROM + 90_000,
    });
  });

  it("back to live removes the replay parameters only", () => {
    const search = new URLSearchParams("news=abc&replay=x&speed=60&t=1");
    writeReplayLink(search, null);
    expect(search.toString()).toBe("news=abc");
  });

  it("accepts epoch ms and defaults the speed", () => {
    expect(parseReplayLink(new URLSearchParams(`replay=${FROM},${TO}`))).toEqual({
      from: FROM,
      to: TO,
      speed: 60,
      t: null,
    });
    expect(parseReplayLink(new URLSearchParams(`replay=${FROM},${TO}&speed=max`))?.speed).toBe("max");
  });

  it("refuses a reversed, overlong or malformed range and ignores a clock outside it", () => {
    expect(parseReplayLink(new URLSearchParams(`replay=${TO},${FROM}`))).toBeNull();
    expect(parseReplayLink(new URLSearchParams(`replay=${FROM},${FROM + 9 * 86_400_000}`))).toBeNull();
    expect(parseReplayLink(new URLSearchParams("replay=yesterday"))).toBeNull();
    expect(parseReplayLink(new URLSearchParams(""))).toBeNull();
    expect(parseReplayLink(new URLSearchParams(`replay=${FROM},${TO}&t=${TO + 1}`))?.t).toBeNull();
  });

  it("builds a dashboard link for a headline", () => {
    expect(replayHref({ from: FROM, to: TO, speed: 60 }, "seed-1")).toBe(
      "/?news=seed-1&replay=2025-10-22T13%3A05%3A00%2C2025-10-22T14%3A37%3A00&speed=60",
    );
  });
});
