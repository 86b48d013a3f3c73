import path from "node:path";
import { z } from "../../contract/zod";
import { SHIPPED_SIMULATION } from "../../domain/instruments";
import { DEFAULT_FEED_SYMBOLS } from "../../domain/simulator/default-market";

const feedSchema = z
  .string()
  .regex(
    /^(simulate|off|scenario:.+|replay:.+)$/,
    "expected simulate, off, scenario:FILE or replay:FILE (a tick tape)",
  );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, "expected file:PATH or postgresql://…")
    .default("file:./data/aftershock.db"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, "expected redis://…")
    .optional(),
  /** Names a cluster: its nodes share the Redis keys and streams under this prefix. */
  CLUSTER: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "letters, digits, _ and - only")
    .default("aftershock"),
  /** "false" runs a node without the dashboard pages: API and Socket.IO only. */
  SERVE_PAGES: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  FEED: feedSchema.default("simulate"),
  /** "false": an empty database gets the instruments and news but no simulated history (for real imports). */
  SEED_HISTORY: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Universe symbols the simulator runs (the benchmark always); each with its beta. */
  FEED_SYMBOLS: z
    .string()
    .default(DEFAULT_FEED_SYMBOLS.join(","))
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length > 0, "expected a comma list of symbols")
    .superRefine((list, ctx) => {
      const unknown = list.find((s) => !SHIPPED_SIMULATION.has(s));
      if (unknown)
        ctx.addIssue({
          code: "custom",
          message: `unknown symbol ${unknown}: not in the shipped universe (domain/universe/krx-universe.json)`,
        });
    }),
  /** RSS 2.0 / Atom feeds polled for headlines (the feed leader polls). */
  NEWS_FEEDS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .superRefine((list, ctx) => {
      const bad = list.find((u) => !URL.canParse(u) || !["http:", "https:"].includes(new URL(u).protocol));
      if (bad) ctx.addIssue({ code: "custom", message: `not an http(s) URL: ${bad}` });
    }),
  NEWS_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  FEED_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(42),
  FEED_SPEED: z.coerce.number().positive().max(100_000).default(1),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /** Host header names this server answers (DNS-rebinding defence); default: loopback names and HOST. */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** When set, every write needs `Authorization: Bearer <API_TOKEN>`. */
  API_TOKEN: z.string().min(16, "at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.output<typeof envSchema> & {
  db: "sqlite" | "postgresql";
  /** For SQLite: the absolute path of the database file. */
  sqlitePath: string | null;
};

/** Reads and validates the environment once; throws one line naming the bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new Error(`invalid ${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`);
  }
  const env = result.data;
  const isFile = env.DATABASE_URL.startsWith("file:");
  const sqlitePath = isFile ? path.resolve(env.DATABASE_URL.slice("file:".length)) : null;
  return { ...env, db: isFile ? "sqlite" : "postgresql", sqlitePath };
}
