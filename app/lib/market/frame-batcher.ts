/** How a FrameBatcher asks for a frame; the browser's requestAnimationFrame unless a test passes its own. */
export interface FrameClock {
  request(run: () => void): number;
  cancel(id: number): void;
}

const animationFrames: FrameClock = {
  request: (run) => requestAnimationFrame(run),
  cancel: (id) => cancelAnimationFrame(id),
};

/**
 * Runs jobs once on the next animation frame, each job once however often it was asked
 * for, all of them in one frame callback: every market on the page (the live one and a
 * replay) notifies React through it, so a frame has one notification pass, not one per
 * market or per socket message. Hidden tabs get no frames, so jobs wait there and run once
 * when the tab is shown again.
 */
export class FrameBatcher {
  private readonly jobs = new Set<() => void>();
  private frame: number | null = null;

  constructor(private readonly clock: FrameClock = animationFrames) {}

  /** Runs `job` on the next frame (once, if it is already waiting). */
  schedule(job: () => void): void {
    this.jobs.add(job);
    this.frame ??= this.clock.request(this.run);
  }

  /** Drops `job` if it is waiting; the frame itself is given back when nothing else waits. */
  cancel(job: () => void): void {
    this.jobs.delete(job);
    if (this.jobs.size > 0 || this.frame === null) return;
    this.clock.cancel(this.frame);
    this.frame = null;
  }

  private readonly run = (): void => {
    this.frame = null;
    const jobs = [...this.jobs];
    this.jobs.clear();
    // A job that schedules again (or schedules another) runs on the frame after.
    for (const job of jobs) job();
  };
}

/** The page's one frame batcher. */
export const pageFrames = new FrameBatcher();
