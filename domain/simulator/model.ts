// The shape of a simulated market: instruments, the shocks headlines cause, the ticks out.

export interface SimInstrument {
  symbol: string;
  kind: "stock" | "index";
  /** Price before the first simulated second; also the first day's previous close. */
  open: number;
  /** Annualised volatility, e.g. 0.30. */
  volatility: number;
  /** Sensitivity to the benchmark (stocks only; the benchmark itself has none). */
  beta?: number;
  decimals: number;
}

/** A headline's effect: at `at`, each named symbol moves by about `impact` (fraction). */
export interface SimShock {
  at: number;
  impact: Readonly<Record<string, number>>;
}

/** A simulated trade before the sequencer has numbered it. */
export interface SimTick {
  symbol: string;
  ts: number;
  price: number;
  size: number;
}

/** Everything needed to continue a simulation exactly where it stopped. */
export interface SimState {
  day: string | null;
  latent: Record<string, number>;
  last: Record<string, number>;
  prevClose: Record<string, number>;
  rng: readonly number[];
}
