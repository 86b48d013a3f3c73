import { describe, expect, it } from "vitest";
import { type FrameClock, FrameBatcher } from "./frame-batcher";

// Frames that run when the test says so.
function manualFrames(): FrameClock & { requested: number; cancelled: number; tick(): void } {
  let waiting: (() => void) | null = null;
  return {
    requested: 0,
    cancelled: 0,
    request(run) {
      this.requested++;
      waiting = run;
      return this.requested;
    },
    cancel() {
      this.cancelled++;
      waiting = null;
    },
    tick() {
      const run = waiting;
      waiting = null;
      run?.();
    },
  };
}

// A batcher on manual frames, and two jobs that note their names in `ran` when they run.
function batcherWithJobs() {
  const frames = manualFrames();
  const batcher = new FrameBatcher(frames);
  const ran: string[] = [];
  return { frames, batcher, ran, a: () => ran.push("a"), b: () => ran.push("b") };
}

describe("FrameBatcher", () => {
  it("runs every waiting job once, in one frame, however often each was asked for", () => {
    const { frames, batcher, ran, a, b } = batcherWithJobs();
    batcher.schedule(a);
    batcher.schedule(b);
    batcher.schedule(a);
    expect(ran).toEqual([]);
    frames.tick();
    expect(ran).toEqual(["a", "b"]);
    expect(frames.requested).toBe(1);
    frames.tick();
    expect(ran).toEqual(["a", "b"]);
  });

  it("runs a job that asks again from inside a frame on the next frame", () => {
    const { frames, batcher } = batcherWithJobs();
    let runs = 0;
    const again = () => {
      if (++runs < 2) batcher.schedule(again);
    };
    batcher.schedule(again);
    frames.tick();
    expect(runs).toBe(1);
    frames.tick();
    expect(runs).toBe(2);
  });

  it("drops a cancelled job and gives the frame back once nothing waits", () => {
    const { frames, batcher, ran, a, b } = batcherWithJobs();
    batcher.schedule(a);
    batcher.schedule(b);
    batcher.cancel(a);
    expect(frames.cancelled).toBe(0);
    batcher.cancel(b);
    expect(frames.cancelled).toBe(1);
    frames.tick();
    expect(ran).toEqual([]);
  });
});
