import { z } from "./zod";
import { DAILY_WINDOWS, INTERVALS } from "./model";
import { isSymbol } from "./symbols";
import { timeParam } from "./time-param";

import {
  MAX_NEWS_BYTES,
  MAX_NEWS_LIMIT,
  MAX_REPLAY_RANGE_MS,
  MAX_REPLAY_SPEED,
  MAX_SUBSCRIPTIONS,
  MAX_TICKS_LIMIT,
} from "./limits";

export { MAX_NEWS_BYTES, MAX_NEWS_LIMIT, MAX_REPLAY_RANGE_MS, MAX_REPLAY_SPEED, MAX_SUBSCRIPTIONS, MAX_TICKS_LIMIT };

export const symbolSchema = z.string().max(12).refine(isSymbol, "not a valid symbol");

const intParam = (min: number, max: number) =>
  z
    .union([z.string().regex(/^\d{1,15}$/, "expected a whole number"), z.number()])
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const range = <T extends { from?: number | undefined; to?: number | undefined }>(value: T, ctx: z.RefinementCtx) => {
  if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "`from` is after `to`" });
  }
};

export const ticksQuery = z
  .object({
    symbol: symbolSchema,
    from: timeParam.optional(),
    to: timeParam.optional(),
    afterSeq: intParam(0, Number.MAX_SAFE_INTEGER).optional(),
    limit: intParam(1, MAX_TICKS_LIMIT).default(1_000),
  })
  .strict()
  .superRefine(range);
export type TicksQuery = z.output<typeof ticksQuery>;

export const candlesQuery = z
  .object({
    symbol: symbolSchema,
    interval: z.enum(INTERVALS),
    from: timeParam.optional(),
    to: timeParam.optional(),
  })
  .strict()
  .superRefine(range);
export type CandlesQuery = z.output<typeof candlesQuery>;

export const newsQuery = z
  .object({
    symbol: symbolSchema.optional(),
    from: timeParam.optional(),
    to: timeParam.optional(),
    limit: intParam(1, MAX_NEWS_LIMIT).default(100),
  })
  .strict()
  .superRefine(range);
export type NewsQuery = z.output<typeof newsQuery>;

const httpUrl = z
  .string()
  .max(2_048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "expected an http(s) URL");

export const postNewsBody = z
  .object({
    headline: z.string().trim().min(1).max(500),
    body: z.string().max(MAX_NEWS_BYTES),
    publishedAt: timeParam,
    source: z.string().trim().min(1).max(200),
    url: httpUrl.nullish(),
    tickers: z.array(symbolSchema).max(20).optional(),
  })
  .strict();
export type PostNewsBody = z.output<typeof postNewsBody>;

export const subscribePayload = z.object({ symbols: z.array(symbolSchema).min(1).max(MAX_SUBSCRIPTIONS) }).strict();

export const resumePayload = z
  .object({ symbol: symbolSchema, afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
  .strict();

/** The first problem in a zod error as one readable line, naming the field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const where = issue.path.length > 0 ? issue.path.join(".") : "input";
  return `${where}: ${issue.message}`;
}

export const newsIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/, "not a valid news id");

/** `asOf` (extension): the reaction as it stood at that time, e.g. a replay's clock. */
export const reactionsQuery = z.object({ newsId: newsIdSchema, asOf: timeParam.optional() }).strict();

const replaySpeed = z.union([z.number().min(1).max(MAX_REPLAY_SPEED), z.literal("max")]);

export const replayStartPayload = z
  .object({
    symbols: z.array(symbolSchema).min(1).max(10),
    from: timeParam,
    to: timeParam,
    speed: replaySpeed.default(1),
    /** Extension: play at 1x for a minute either side of each headline. */
    slowNearNews: z.boolean().default(false),
  })
  .strict()
  .refine((p) => p.from < p.to, { path: ["from"], message: "`from` is not before `to`" })
  .refine((p) => p.to - p.from <= MAX_REPLAY_RANGE_MS, { path: ["to"], message: "range longer than 8 days" });
export type ReplayStartPayload = z.output<typeof replayStartPayload>;

const replayId = z.string().min(1).max(64);

export const replayControlPayload = z.discriminatedUnion("action", [
  z.object({ replayId, action: z.literal("play") }).strict(),
  z.object({ replayId, action: z.literal("pause") }).strict(),
  z.object({ replayId, action: z.literal("next-news") }).strict(),
  z.object({ replayId, action: z.literal("step"), value: z.enum(["tick", "1s", "1m", "5m"]).default("tick") }).strict(),
  z.object({ replayId, action: z.literal("seek"), value: timeParam }).strict(),
  z.object({ replayId, action: z.literal("speed"), value: replaySpeed }).strict(),
]);
export type ReplayControlPayload = z.output<typeof replayControlPayload>;

export const replayStopPayload = z.object({ replayId }).strict();

/** `Reaction.resolution`: the finest resolution of the stored data around t0. */
export const reactionResolutionSchema = z.enum(["intraday", "daily"]);

const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "not a YYYY-MM-DD day");

/** `Reaction.daily` (CONTRACT.md `DailyReaction`), as the server answers it. */
export const dailyReactionSchema = z.object({
  eventDay: dayKey,
  basePrice: z.number().positive(),
  baseDay: dayKey,
  windows: z.array(
    z.object({
      window: z.enum(DAILY_WINDOWS),
      return: z.number().nullable(),
      abnormal: z.number().nullable(),
      tStat: z.number().nullable(),
      from: dayKey,
      to: dayKey,
      reason: z.string().nullable(),
    }),
  ),
  model: z
    .object({
      alpha: z.number(),
      beta: z.number(),
      residualSd: z.number().nonnegative(),
      n: z.number().int().positive(),
      from: dayKey,
      to: dayKey,
    })
    .nullable(),
  volumeSurge: z.number().nonnegative().nullable(),
  modelReason: z.string().nullable(),
  estimationWindow: z.object({ from: z.number().int(), to: z.number().int(), minReturns: z.number().int() }),
});

/** The most headlines one study pools. */
export const MAX_STUDY_EVENTS = 5_000;

/** `GET /api/study` and `/api/study.csv`: which headlines naming `symbol` to study together. */
export const studyQuery = z
  .object({
    symbol: symbolSchema,
    resolution: z.enum(["intraday", "daily"]).default("intraday"),
    q: z.string().max(500).optional(),
    source: z.string().max(200).optional(),
    from: timeParam.optional(),
    to: timeParam.optional(),
    newsIds: z
      .string()
      .max(100_000)
      .transform((raw) =>
        raw
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(newsIdSchema).min(1).max(MAX_STUDY_EVENTS))
      .optional(),
  })
  .strict()
  .superRefine(range);
export type StudyQuery = z.output<typeof studyQuery>;

export const replayResumePayload = z
  .object({
    replayId,
    epoch: z.number().int().min(0),
    t: z.number().finite(),
    after: z
      .record(z.string().min(1).max(32), z.number().int().min(0))
      .refine((a) => Object.keys(a).length <= 64, "at most 64 symbols"),
    lastNewsId: z.string().min(1).max(200).optional(),
  })
  .strict();
