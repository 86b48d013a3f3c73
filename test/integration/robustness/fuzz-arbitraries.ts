import fc from "fast-check";

// Generators for the fuzz test. Each field is usually valid and sometimes garbage, so
// payloads get past the first check and reach the deeper ones (ranges, lookups, replays);
// the rest is garbage of every kind.

export const KNOWN = ["005380.KS", "000270.KS", "^KS11"];
export const DAY_MS = 86_400_000;
const pollutionKey = fc.constantFrom("__proto__", "constructor", "prototype");
// Strings that other parsers would read as numbers, infinities or NaN.
const jsonishNumber = fc.constantFrom(
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-0",
  "0x10",
  " 1",
  "1_000",
  "9007199254740993",
  "",
  "null",
  "true",
);
export const badNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    -1,
    1.5,
    2 ** 53,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  jsonishNumber,
);
export const badSymbol = fc.oneof(
  fc.constantFrom(
    "999999.KS",
    "../../etc",
    "005380.KS<script>",
    "005380.ks",
    "^",
    "",
    "__proto__",
    "constructor",
    "005380.KS\u0000",
  ),
  fc.string({ maxLength: 20 }),
  fc.constant("9".repeat(10_000)),
);
export const badTime = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    "2025-02-31",
    "2024-02-30T10:00:00Z",
    "2024-02-29T24:00:00Z",
    "10000-01-01",
    "+010000-01-01T00:00:00Z",
    "1989-12-31",
    "2100-01-01",
    "2025-10-22 25:00",
    "NaN",
    "-1",
  ),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString())),
  fc.string({ maxLength: 50 }),
  jsonishNumber,
);
/** Anything JSON-ish, with prototype-pollution keys among the object keys. */
export const anything = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  key: fc.oneof(fc.string({ maxLength: 10 }), pollutionKey),
  withNullPrototype: true,
  withBoxedValues: true,
  withDate: true,
  withSparseArray: true,
});
// Binary travels as Socket.IO attachments. Kept apart from pollution keys: the client's
// own encoder copies objects key by key and cannot send an own `__proto__` beside binary.
const binary = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.float64Array({ maxLength: 8 }),
  fc.int32Array({ maxLength: 8 }),
);
/** Deep nesting, as a client could send to exhaust a recursive reader. */
const deep = fc.integer({ min: 50, max: 2_000 }).map((depth) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { symbols: value };
  return value;
});

/** Mostly `valid`, sometimes garbage. */
export const field = (valid: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 8 }, { arbitrary: bad, weight: 1 }, { arbitrary: anything, weight: 1 });

/** An own `__proto__` / `constructor` key, as it arrives after JSON.parse on the server. */
const withPollution = (base: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(base, pollutionKey, fc.jsonValue({ maxDepth: 2 })).map(([fields, key, value]) => {
    const json = JSON.stringify(fields);
    const own = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    return JSON.parse(json === "{}" ? `{${own}}` : `{${own},${json.slice(1)}`) as unknown;
  });

/**
 * Payloads for one event or body: near-valid records (required keys usually there, now
 * and then an unknown key), the same with pollution keys, and garbage of every shape.
 */
export function payloadFor(fields: Record<string, fc.Arbitrary<unknown>>, required: string[]): fc.Arbitrary<unknown> {
  const near = fc
    .tuple(
      fc.record(fields, { requiredKeys: required }),
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 9 },
        { arbitrary: fc.tuple(fc.string({ maxLength: 10 }), anything), weight: 1 },
      ),
    )
    .map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record) as Record<string, unknown>);
  return fc.oneof(
    { arbitrary: near, weight: 8 },
    { arbitrary: withPollution(near), weight: 2 },
    { arbitrary: anything, weight: 2 },
    {
      arbitrary: fc.oneof(
        binary,
        fc.record({ symbols: binary, symbol: binary, afterSeq: binary }, { requiredKeys: [] }),
      ),
      weight: 1,
    },
    { arbitrary: deep, weight: 1 },
  );
}

/** Times near `base` (the first stored tick), as epoch ms, UTC ISO and KST ISO. */
export const validTime = (base: number) =>
  fc
    .integer({ min: base - DAY_MS, max: base + 10 * DAY_MS })
    .chain((ms) =>
      fc.constantFrom<unknown>(
        ms,
        new Date(ms).toISOString(),
        new Date(ms + 9 * 3_600_000).toISOString().replace("Z", "+09:00"),
      ),
    );
