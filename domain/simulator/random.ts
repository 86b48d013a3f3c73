import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

/**
 * A seeded stream of numbers. xoroshiro128+ is the same on every machine and its state can
 * be saved, so a simulation can be paused and continued with the very same draws.
 */
export class Random {
  private readonly rng: JumpableRandomGenerator;

  constructor(seed: number | readonly number[]) {
    this.rng = typeof seed === "number" ? xoroshiro128plusFromState(seedState(seed)) : xoroshiro128plusFromState(seed);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return uniformFloat64(this.rng);
  }

  /** Standard normal, by Box–Muller (always two uniforms, so the stream stays aligned). */
  normal(): number {
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  state(): readonly number[] {
    return this.rng.getState();
  }
}

/**
 * The generator's 128-bit state from a 32-bit seed. xoroshiro128+ seeded directly with a
 * small number starts out almost all zero bits: its first outputs are then nearly the seed
 * itself (the first uniform was 0.99999998… for seed 1, so the first normal was a 2–6 sigma
 * draw for every small seed). Its authors advise filling the state with SplitMix instead.
 */
function seedState(seed: number): number[] {
  let x = seed | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    words.push((z ^ (z >>> 15)) | 0);
  }
  // The mix is a bijection of four distinct inputs, so at most one word is zero: the
  // all-zero state (zeros forever) cannot come out.
  return words;
}

/** Mixes a seed with a number (e.g. a timestamp) into a new 32-bit seed (FNV-1a). */
export function mixSeed(seed: number, salt: number): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (const part of [salt % 0x100000000, Math.floor(salt / 0x100000000)]) {
    for (let shift = 0; shift < 32; shift += 8) {
      hash ^= (part >>> shift) & 0xff;
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash | 0;
}
