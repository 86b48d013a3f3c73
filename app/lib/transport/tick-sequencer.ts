import type { Tick } from "../../../contract/model";
import { groupBySymbol } from "../../../domain/ticks/group-by-symbol";

/** A `resume` to send: every stored tick of `symbol` after `afterSeq`. */
export interface ResumeRequest {
  symbol: string;
  afterSeq: number;
}

/** What one input did: ticks now safe to use (in seq order per symbol), resumes to send. */
export interface SequencerStep {
  deliver: Tick[];
  resume: ResumeRequest[];
}

interface Lane {
  /** Highest seq delivered; null until the subscribe snapshot gives the base. */
  last: number | null;
  resuming: boolean;
  /** Ticks that cannot be delivered yet: no base, or a gap in front of them. */
  held: Tick[];
}

// A resume that keeps failing must not grow memory without bound; ticks dropped here are
// fetched again by the next resume, which returns everything after `last`.
const MAX_HELD = 20_000;

/**
 * Keeps each symbol's ticks gapless and free of duplicates. `seq` grows by exactly 1 per
 * symbol, so a jump means ticks were missed (a reconnect, a lost batch): the ticks after
 * the jump are held back until a `resume` has filled it, then delivered in order.
 * Pure: the socket wiring lives in tick-stream.ts.
 */
export class TickSequencer {
  private readonly lanes = new Map<string, Lane>();

  /** Highest seq delivered for `symbol`, or null before its snapshot. */
  lastSeq(symbol: string): number | null {
    return this.lanes.get(symbol)?.last ?? null;
  }

  /** A subscribe snapshot: the base for a new symbol, or proof that ticks were missed. */
  snapshot(symbol: string, seq: number): SequencerStep {
    const lane = this.lane(symbol);
    if (lane.last === null) {
      lane.last = seq;
      return this.drain(symbol, lane);
    }
    if (seq > lane.last) return { deliver: [], resume: this.requestResume(symbol, lane) };
    return { deliver: [], resume: [] };
  }

  /** A live `ticks` batch (one symbol or several). */
  batch(ticks: readonly Tick[]): SequencerStep {
    const step: SequencerStep = { deliver: [], resume: [] };
    for (const [symbol, list] of groupBySymbol(ticks)) {
      const lane = this.lane(symbol);
      lane.held.push(...list);
      if (lane.last === null) {
        trim(lane);
        continue;
      }
      merge(step, this.drain(symbol, lane));
    }
    return step;
  }

  /** The answer to a resume: merges it and asks again while the server says `more`. */
  resumed(symbol: string, ticks: readonly Tick[], more: boolean): SequencerStep {
    const lane = this.lane(symbol);
    lane.resuming = false;
    lane.held.push(...ticks);
    // An empty, final answer means the server has nothing to fill the gap with: accept
    // the jump rather than stall the symbol forever.
    if (!more && ticks.length === 0) skipGap(lane);
    const step = this.drain(symbol, lane);
    if (more) step.resume.push(...this.requestResume(symbol, lane));
    return step;
  }

  /** A resume that failed or timed out: the next batch with a gap asks again. */
  resumeFailed(symbol: string): void {
    this.lane(symbol).resuming = false;
  }

  /** After any reconnect: ask for everything after the last seq of every known symbol. */
  reconnected(): ResumeRequest[] {
    const requests: ResumeRequest[] = [];
    for (const [symbol, lane] of this.lanes) {
      if (lane.last !== null) requests.push(...this.requestResume(symbol, lane));
    }
    return requests;
  }

  private drain(symbol: string, lane: Lane): SequencerStep {
    const step: SequencerStep = { deliver: [], resume: [] };
    if (lane.last === null) return step;
    lane.held.sort((a, b) => a.seq - b.seq);
    let i = 0;
    for (; i < lane.held.length; i++) {
      const tick = lane.held[i]!;
      if (tick.seq <= lane.last) continue;
      if (tick.seq !== lane.last + 1) break;
      step.deliver.push(tick);
      lane.last = tick.seq;
    }
    lane.held = lane.held.slice(i);
    trim(lane);
    if (lane.held.length > 0) step.resume.push(...this.requestResume(symbol, lane));
    return step;
  }

  private requestResume(symbol: string, lane: Lane): ResumeRequest[] {
    if (lane.resuming || lane.last === null) return [];
    lane.resuming = true;
    return [{ symbol, afterSeq: lane.last }];
  }

  private lane(symbol: string): Lane {
    let lane = this.lanes.get(symbol);
    if (!lane) {
      lane = { last: null, resuming: false, held: [] };
      this.lanes.set(symbol, lane);
    }
    return lane;
  }
}

function skipGap(lane: Lane): void {
  if (lane.last === null) return;
  const next = lane.held.filter((t) => t.seq > lane.last!).reduce((min, t) => Math.min(min, t.seq), Infinity);
  if (Number.isFinite(next)) lane.last = Math.max(lane.last, next - 1);
}

function trim(lane: Lane): void {
  if (lane.held.length > MAX_HELD) lane.held = lane.held.slice(lane.held.length - MAX_HELD);
}

function merge(into: SequencerStep, from: SequencerStep): void {
  into.deliver.push(...from.deliver);
  into.resume.push(...from.resume);
}
