import { z } from "./zod";
import { RETURN_WINDOWS } from "./model";
import { isSymbol } from "./symbols";
import { parseTime } from "./time-param";

// A scenario's times must say their offset: "09:00" alone would depend on the reader.
const instant = z
  .string()
  .regex(/(Z|[+-]\d{2}:\d{2})$/, "needs a time-zone offset, e.g. 2025-10-22T09:00:00+09:00")
  .transform((value, ctx) => {
    const ms = parseTime(value);
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: "not a valid ISO 8601 time" });
      return z.NEVER;
    }
    return ms;
  });

const symbol = z.string().refine(isSymbol, "not a valid symbol (e.g. 005380.KS or ^KS11)");
const fraction = (max: number, what: string) =>
  z
    .number()
    .finite()
    .min(-max, `${what} below −${max * 100}%`)
    .max(max, `${what} beyond +${max * 100}%`);

const instrument = z
  .object({
    symbol,
    name: z.string().min(1).max(100).optional(),
    open: z.number().positive().max(10_000_000),
    volatility: z.number().positive().max(3),
    beta: z.number().min(-5).max(5).optional(),
  })
  .strict();

const newsEvent = z
  .object({
    at: instant,
    headline: z.string().min(1).max(500),
    body: z
      .string()
      .max(64 * 1024)
      .default(""),
    source: z.string().min(1).max(200).default("scenario"),
    url: z.string().url().max(2_048).nullish(),
    // A shock past the daily price limit could never print: the limit is ±30%.
    impact: z.record(symbol, fraction(0.3, "impact")).default({}),
  })
  .strict();

const expectation = z
  .object({
    news: z.number().int().min(0),
    symbol,
    window: z.enum(RETURN_WINDOWS),
    minReturn: z.number().finite().optional(),
    maxReturn: z.number().finite().optional(),
    minAbnormal: z.number().finite().optional(),
    maxAbnormal: z.number().finite().optional(),
  })
  .strict()
  .refine(
    (e) => [e.minReturn, e.maxReturn, e.minAbnormal, e.maxAbnormal].some((b) => b !== undefined),
    "needs at least one of minReturn, maxReturn, minAbnormal, maxAbnormal",
  );

/** The windows a study pools over (minutes after the headlines). */
export const STUDY_WINDOWS = ["1m", "5m", "15m", "30m", "60m"] as const;

// A study of the scenario's headlines matching `q` (GET /api/study): its CAAR over `window`
// must lie within the bounds. `symbol` may be left out when the scenario has one stock.
const studyExpectation = z
  .object({
    q: z.string().min(1).max(500),
    symbol: symbol.optional(),
    window: z.enum(STUDY_WINDOWS),
    minCaar: z.number().finite().optional(),
    maxCaar: z.number().finite().optional(),
  })
  .strict()
  .refine((e) => e.minCaar !== undefined || e.maxCaar !== undefined, "needs at least one of minCaar, maxCaar");

/** The scenario file of CONTRACT.md: instruments, a seed, headlines with shocks, expectations. */
export const scenarioSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/, "letters, digits, . _ - only (it names files and ids)"),
    description: z.string().max(2_000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    start: instant,
    end: instant,
    benchmark: symbol,
    /** Sessions simulated before `start`, so the market model has an estimation window. */
    warmupSessions: z.number().int().min(0).max(20).default(3),
    instruments: z.array(instrument).min(1).max(20),
    news: z.array(newsEvent).max(500).default([]),
    expect: z.array(expectation).max(500).default([]),
    studies: z.array(studyExpectation).max(50).default([]),
  })
  .strict();

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioExpectation = Scenario["expect"][number];
export type ScenarioStudyExpectation = Scenario["studies"][number];
