import { z } from "../../contract/zod";
import type { Instrument } from "../../contract/model";
import type { SimInstrument } from "../simulator/model";

const ambiguous = z.array(
  z.strictObject({
    name: z.string().min(1),
    needs: z.array(z.string().min(1)).optional(),
    unless: z.array(z.string().min(1)).optional(),
  }),
);
const listing = {
  name: z.string().min(1),
  nameKo: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  lookalikes: z.array(z.string().min(1)).optional(),
  ambiguous: ambiguous.optional(),
  price: z.number().positive(),
  volatility: z.number().positive().max(2),
};
const universeSchema = z.strictObject({
  source: z.string().min(1),
  reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  indices: z.array(z.strictObject({ symbol: z.string().regex(/^\^[A-Z0-9]+$/), ...listing })).min(1),
  stocks: z.array(
    z.strictObject({
      symbol: z.string().regex(/^\d{6}\.K[SQ]$/),
      ...listing,
      group: z.string().min(1),
      sector: z.string().min(1),
      beta: z.number().min(0).max(3),
    }),
  ),
});

export interface Universe {
  instruments: Instrument[];
  simulation: Map<string, SimInstrument>;
}

/** Reads the universe data file into instruments (stocks, then indices) and their simulation parameters; throws naming the bad field. */
export function readUniverse(data: unknown): Universe {
  const parsed = universeSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`universe file: ${issue.path.join(".")}: ${issue.message}`);
  }
  const base = { exchange: "KRX", currency: "KRW", timezone: "Asia/Seoul" };
  const instruments: Instrument[] = [];
  const simulation = new Map<string, SimInstrument>();
  for (const s of parsed.data.stocks) {
    instruments.push({
      ...base,
      symbol: s.symbol,
      name: s.name,
      nameKo: s.nameKo,
      kind: "stock",
      aliases: s.aliases,
      decimals: 0,
      sector: s.sector,
      beta: s.beta,
      lookalikes: s.lookalikes ?? [],
      ambiguous: s.ambiguous ?? [],
    });
    simulation.set(s.symbol, {
      symbol: s.symbol,
      kind: "stock",
      open: s.price,
      volatility: s.volatility,
      beta: s.beta,
      decimals: 0,
    });
  }
  for (const i of parsed.data.indices) {
    instruments.push({
      ...base,
      symbol: i.symbol,
      name: i.name,
      nameKo: i.nameKo,
      kind: "index",
      aliases: i.aliases,
      decimals: 2,
      sector: null,
      beta: null,
      lookalikes: i.lookalikes ?? [],
      ambiguous: i.ambiguous ?? [],
    });
    simulation.set(i.symbol, { symbol: i.symbol, kind: "index", open: i.price, volatility: i.volatility, decimals: 2 });
  }
  const symbols = instruments.map((i) => i.symbol);
  const duplicate = symbols.find((s, n) => symbols.indexOf(s) !== n);
  if (duplicate) throw new Error(`universe file: symbol ${duplicate} is listed twice`);
  return { instruments, simulation };
}
