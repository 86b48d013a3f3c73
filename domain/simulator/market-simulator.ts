import { KrxCalendar, type Session } from "../market/krx-calendar";
import { priceBand } from "../market/price-limit";
import { roundToTick } from "../market/tick-size";
import { SHOCK_JUMP_SHARE, activityAt, shockDriftShare, shockVolatility, shockVolume } from "./intraday";
import type { SimInstrument, SimShock, SimState, SimTick } from "./model";
import { Random } from "./random";

const SECONDS_PER_YEAR = 252 * 23_400;
// Mean trades per second for a stock in the quiet middle of the day.
const STOCK_TRADE_RATE = 0.45;
const STOCK_MEAN_SIZE = 60;
const INDEX_MEAN_SIZE = 400;
// Overnight moves are a fraction of a day's volatility.
const OVERNIGHT_SHARE = 0.35;

export interface SimulatorOptions {
  seed: number | readonly number[];
  benchmark: string;
  instruments: readonly SimInstrument[];
  shocks?: readonly SimShock[];
  calendar?: KrxCalendar;
  /** Continue from a saved state instead of the instruments' opening prices. */
  state?: SimState;
}

interface ActiveShock {
  at: number;
  size: number;
}

/**
 * A seeded KRX market, one market second at a time: the benchmark follows a random walk,
 * each stock moves with it through its beta plus its own noise, headlines jump and drift.
 * Every second draws the same amount of randomness whatever happens, so a seed gives the
 * same ticks, byte for byte, on every machine.
 */
export class MarketSimulator {
  private readonly calendar: KrxCalendar;
  private readonly random: Random;
  private readonly instruments: readonly SimInstrument[];
  private readonly benchmark: SimInstrument;
  private readonly shocks = new Map<string, ActiveShock[]>();
  private readonly state: SimState;
  private session: Session | null = null;
  private bands = new Map<string, { lower: number; upper: number }>();

  constructor(options: SimulatorOptions) {
    this.calendar = options.calendar ?? new KrxCalendar();
    this.instruments = options.instruments;
    const benchmark = options.instruments.find((i) => i.symbol === options.benchmark);
    if (!benchmark) throw new Error(`benchmark ${options.benchmark} is not among the instruments`);
    this.benchmark = benchmark;
    this.random = new Random(options.state?.rng ?? options.seed);
    this.state = options.state
      ? structuredClone({ ...options.state, rng: [] })
      : {
          day: null,
          latent: Object.fromEntries(options.instruments.map((i) => [i.symbol, Math.log(i.open)])),
          last: Object.fromEntries(options.instruments.map((i) => [i.symbol, i.open])),
          prevClose: Object.fromEntries(options.instruments.map((i) => [i.symbol, i.open])),
          rng: [],
        };
    for (const shock of options.shocks ?? []) this.addShock(shock);
  }

  /** Schedules a headline's effect; outside the session it lands at the next open. */
  addShock(shock: SimShock): void {
    // Steps fall on whole seconds and the jump lands on the step where dt is exactly 0, so
    // a shock at 13:07:00.500 must count from 13:07:01 (otherwise its jump is skipped).
    const at = this.calendar.firstTradableAt(Math.ceil(shock.at / 1000) * 1000);
    for (const [symbol, impact] of Object.entries(shock.impact)) {
      if (!(symbol in this.state.latent)) throw new Error(`shock names unknown symbol ${symbol}`);
      const list = this.shocks.get(symbol) ?? [];
      list.push({ at, size: Math.log(1 + impact) });
      this.shocks.set(symbol, list);
    }
  }

  /** Ticks for every market second in [from, to); closed hours are skipped. */
  *run(from: number, to: number): Generator<SimTick[]> {
    let t = Math.ceil(from / 1000) * 1000;
    while (t < to) {
      const session = this.calendar.nextSession(t);
      if (t < session.open) t = session.open;
      for (; t < session.close && t < to; t += 1000) yield this.step(t);
      if (t >= session.close) t = session.close;
    }
  }

  /** One market second starting at `t` (which must be inside a session). */
  step(t: number): SimTick[] {
    const session = this.enterSession(t);
    const fraction = (t - session.open) / (session.close - session.open);
    const activity = activityAt(fraction);
    const ticks: SimTick[] = [];
    const benchMove = this.advance(this.benchmark, t, 0);
    for (const instrument of this.instruments) {
      const move = instrument === this.benchmark ? benchMove : this.advance(instrument, t, benchMove.log);
      const tick = this.print(instrument, t, activity, move.volume);
      if (tick) ticks.push(tick);
    }
    return ticks;
  }

  /** A copy of the state, to continue later from exactly here. */
  snapshot(): SimState {
    return { ...structuredClone({ ...this.state, rng: [] }), rng: this.random.state() };
  }

  private enterSession(t: number): Session {
    if (this.session && t >= this.session.open && t < this.session.close) return this.session;
    const session = this.calendar.sessionAt(t);
    if (!session) throw new Error(`market is closed at ${new Date(t).toISOString()}`);
    this.session = session;
    if (this.state.day !== session.day) {
      const isFirstDay = this.state.day === null;
      this.state.day = session.day;
      if (!isFirstDay)
        for (const { symbol } of this.instruments) this.state.prevClose[symbol] = this.state.last[symbol]!;
    }
    // Bands are derived, not saved: rebuild them on every session entry, including the first
    // step after a restore from a snapshot taken mid-session (same day, empty bands).
    for (const instrument of this.instruments) {
      if (instrument.kind === "stock")
        this.bands.set(instrument.symbol, priceBand(this.state.prevClose[instrument.symbol]!));
    }
    return session;
  }

  private advance(instrument: SimInstrument, t: number, benchMove: number): { log: number; volume: number } {
    const symbol = instrument.symbol;
    const overnight = this.random.normal();
    const z = this.random.normal();
    const sigma = instrument.volatility / Math.sqrt(SECONDS_PER_YEAR);
    let volMultiplier = 1;
    let volumeMultiplier = 1;
    let drift = 0;
    for (const shock of this.shocks.get(symbol) ?? []) {
      const dt = (t - shock.at) / 1000;
      if (dt < 0) continue;
      if (dt === 0) drift += SHOCK_JUMP_SHARE * shock.size;
      drift += shock.size * shockDriftShare(dt);
      volMultiplier = Math.max(volMultiplier, shockVolatility(dt, shock.size));
      volumeMultiplier = Math.max(volumeMultiplier, shockVolume(dt, shock.size));
    }
    const isOpeningSecond = t === this.session!.open;
    const gap = isOpeningSecond ? overnight * sigma * Math.sqrt(23_400) * OVERNIGHT_SHARE : 0;
    let move: number;
    if (instrument === this.benchmark) {
      move = sigma * z * volMultiplier + drift + gap;
    } else {
      const beta = instrument.beta ?? 1;
      const benchSigma = this.benchmark.volatility / Math.sqrt(SECONDS_PER_YEAR);
      const ownSigma = Math.sqrt(Math.max(sigma ** 2 - (beta * benchSigma) ** 2, 0.25 * sigma ** 2));
      move = beta * benchMove + ownSigma * z * volMultiplier + drift + gap;
    }
    let latent = this.state.latent[symbol]! + move;
    const band = this.bands.get(symbol);
    if (band) latent = Math.min(Math.log(band.upper), Math.max(Math.log(band.lower), latent));
    this.state.latent[symbol] = latent;
    return { log: move, volume: volumeMultiplier };
  }

  private print(instrument: SimInstrument, t: number, activity: number, volumeMultiplier: number): SimTick | null {
    const symbol = instrument.symbol;
    const tradeDraw = this.random.uniform();
    const sizeDraw = this.random.normal();
    const jitter = Math.floor(this.random.uniform() * 1000);
    const isIndex = instrument.kind === "index";
    const chance = isIndex ? 1 : Math.min(0.97, STOCK_TRADE_RATE * activity * Math.sqrt(volumeMultiplier));
    if (tradeDraw >= chance) return null;
    const latentPrice = Math.exp(this.state.latent[symbol]!);
    let price: number;
    if (isIndex) {
      const scale = 10 ** instrument.decimals;
      price = Math.round(latentPrice * scale) / scale;
    } else {
      const band = this.bands.get(symbol)!;
      price = Math.min(band.upper, Math.max(band.lower, roundToTick(latentPrice)));
    }
    const meanSize = isIndex ? INDEX_MEAN_SIZE : STOCK_MEAN_SIZE;
    const size = Math.max(1, Math.round(meanSize * activity * volumeMultiplier * Math.exp(0.9 * sizeDraw - 0.405)));
    this.state.last[symbol] = price;
    return { symbol, ts: t + (isIndex ? 0 : jitter), price, size };
  }
}
