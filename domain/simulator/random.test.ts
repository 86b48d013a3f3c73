import { describe, expect, it } from "vitest";
import { Random, mixSeed } from "./random";

const draw = (r: Random, n: number) => Array.from({ length: n }, () => r.uniform());
const meanSd = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, sd };
};

describe("Random", () => {
  it("gives the same stream for the same seed and another for another seed", () => {
    expect(draw(new Random(42), 20)).toEqual(draw(new Random(42), 20));
    expect(draw(new Random(42), 20)).not.toEqual(draw(new Random(43), 20));
  });

  it("draws uniforms in [0, 1)", () => {
    const xs = draw(new Random(7), 5_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(meanSd(xs).mean).toBeCloseTo(0.5, 1);
  });

  it("draws standard normals", () => {
    const r = new Random(11);
    const { mean, sd } = meanSd(Array.from({ length: 20_000 }, () => r.normal()));
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(sd - 1)).toBeLessThan(0.05);
  });

  it("continues the very same stream from a saved state", () => {
    const a = new Random(5);
    draw(a, 3);
    const b = new Random(a.state());
    expect(draw(b, 10)).toEqual(draw(a, 10));
  });

  it("does not let small seeds bias the first draws", () => {
    // Seeds 1, 2, 3… are what people pick. Their first uniforms must spread over [0, 1) and
    // their first normals must look standard, not all be 2–6 sigma draws.
    const firstUniforms = Array.from({ length: 400 }, (_, s) => new Random(s + 1).uniform());
    expect(meanSd(firstUniforms).mean).toBeGreaterThan(0.4);
    expect(meanSd(firstUniforms).mean).toBeLessThan(0.6);
    expect(firstUniforms.filter((u) => u > 0.99).length).toBeLessThan(20);
    const firstNormals = Array.from({ length: 400 }, (_, s) => new Random(s + 1).normal());
    const { mean, sd } = meanSd(firstNormals);
    expect(Math.abs(mean)).toBeLessThan(0.25);
    expect(Math.abs(sd - 1)).toBeLessThan(0.2);
  });
});

describe("mixSeed", () => {
  it("is a deterministic 32-bit integer", () => {
    const mixed = mixSeed(42, 1_761_106_020_000);
    expect(mixed).toBe(mixSeed(42, 1_761_106_020_000));
    expect(Number.isInteger(mixed)).toBe(true);
    expect(mixed).toBe(mixed | 0);
  });

  it("changes with the seed and with both halves of a millisecond timestamp", () => {
    const base = mixSeed(42, 1_761_106_020_000);
    expect(mixSeed(43, 1_761_106_020_000)).not.toBe(base);
    expect(mixSeed(42, 1_761_106_020_001)).not.toBe(base);
    expect(mixSeed(42, 1_761_106_020_000 + 2 ** 32)).not.toBe(base);
  });
});
