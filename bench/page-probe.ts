import type { AftershockPerf } from "../app/lib/charts/draw-probe";

/** What the bench's init script keeps in the page besides the charts' own probe. */
export interface PageProbe {
  /** Receipt time (epoch ms) of each live tick, keyed `symbol:seq`, from the socket's frames. */
  receipts: Map<string, number>;
  /** Every animation frame: [its start (epoch ms), time since the previous frame (ms)]. */
  frames: Array<[number, number]>;
}

/** The page's globals the bench reads back. */
export type ProbedWindow = typeof globalThis & { __aftershockPerf: AftershockPerf; __benchProbe: PageProbe };

/**
 * Source for Playwright's `addInitScript`, run in the page before any of its scripts:
 * installs the charts' probe (`window.__aftershockPerf`, a ring of `capacity` draws), notes
 * when each `ticks` frame arrives on the WebSocket (listening before Socket.IO does, so its
 * parse is not counted as transport), and times every animation frame. Plain JavaScript in a
 * string: a function compiled by tsx would carry helpers the page does not have.
 */
export function pageProbeScript(capacity: number): string {
  return `(() => {
  const epoch = () => performance.timeOrigin + performance.now();
  window.__aftershockPerf = { capacity: ${Number(capacity)}, drawCount: 0, draws: [], histories: [] };
  const probe = { receipts: new Map(), frames: [] };
  window.__benchProbe = probe;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener("message", (event) => {
        // Socket.IO event packets: 4 (message) 2 (event), then the JSON array ["ticks", Tick[]].
        if (typeof event.data !== "string" || !event.data.startsWith('42["ticks"')) return;
        const at = epoch();
        const ticks = JSON.parse(event.data.slice(2))[1];
        for (const t of ticks) probe.receipts.set(t.symbol + ":" + t.seq, at);
      });
    }
  };
  let last = null;
  const frame = (t) => {
    const at = performance.timeOrigin + t;
    if (last !== null) probe.frames.push([at, at - last]);
    last = at;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
}
