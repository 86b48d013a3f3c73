/** Collects items and hands them over once per animation frame. */
export interface FrameBatcher<T> {
  push(items: readonly T[]): void;
  cancel(): void;
}

/**
 * Live ticks arrive in bursts (a fast feed, a resume of thousands); drawing once per frame
 * instead of once per tick keeps the page responsive. Hidden tabs get no frames, so items
 * wait there and are drawn in one go when the tab is shown again.
 */
export function createFrameBatcher<T>(flush: (items: T[]) => void): FrameBatcher<T> {
  let queue: T[] = [];
  let frame: number | null = null;
  const run = () => {
    frame = null;
    const items = queue;
    queue = [];
    if (items.length > 0) flush(items);
  };
  return {
    push(items) {
      if (items.length === 0) return;
      queue.push(...items);
      frame ??= requestAnimationFrame(run);
    },
    cancel() {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      queue = [];
    },
  };
}
