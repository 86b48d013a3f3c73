import type { Instrument } from "../contract/model";
import type { SimInstrument } from "./simulator/model";
import { readUniverse } from "./universe/read-universe";
import universe from "./universe/krx-universe.json";

export { BENCHMARK } from "./benchmark";

const parsed = readUniverse(universe);

/** The instruments Aftershock ships with (domain/universe/krx-universe.json); names and aliases feed the tagger. */
export const SHIPPED_INSTRUMENTS: readonly Instrument[] = parsed.instruments;

/** How the simulator runs each shipped instrument: opening level, volatility and beta from the same file. */
export const SHIPPED_SIMULATION: ReadonlyMap<string, SimInstrument> = parsed.simulation;
