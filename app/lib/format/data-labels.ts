import type { Interval } from "../../../contract/model";
import { type DataSource, isIntraday } from "../../../contract/resolution";
import { DAY_MS } from "../../../domain/market/kst";

/** What one instrument's prices are: simulated, imported (with the files), a recorded tape, or nothing yet. */
export interface SourceLabel {
  kind: "simulated" | "imported" | "replay" | "mixed" | "none";
  /** "SIMULATED", "IMPORTED · 005380.KS.csv", "REPLAY · day.csv", "IMPORTED · a.csv + SIMULATED". */
  text: string;
  files: string[];
}

const WORD = { simulated: "SIMULATED", import: "IMPORTED", tape: "REPLAY" } as const;

/**
 * The label of one symbol's prices from the recorded data sources; a symbol with none is
 * as the server's feed makes it (`simulate` and scenarios simulate, `off` makes nothing).
 */
export function labelOf(symbol: string, sources: readonly DataSource[], feed: string | null): SourceLabel {
  const own = sources.filter((s) => s.symbol === symbol);
  if (own.length === 0) {
    if (feed === "simulate" || feed?.startsWith("scenario:"))
      return { kind: "simulated", text: WORD.simulated, files: [] };
    return { kind: "none", text: "NO DATA", files: [] };
  }
  const parts: string[] = [];
  const kinds = new Set<DataSource["kind"]>();
  const files: string[] = [];
  for (const kind of ["import", "tape", "simulated"] as const) {
    const of = own.filter((s) => s.kind === kind);
    if (of.length === 0) continue;
    kinds.add(kind);
    const names = [...new Set(of.map((s) => s.file).filter((f): f is string => f !== null))];
    files.push(...names);
    parts.push(names.length > 0 ? `${WORD[kind]} · ${names.join(", ")}` : WORD[kind]);
  }
  const [only] = kinds;
  const kind = kinds.size > 1 ? "mixed" : only === "import" ? "imported" : only === "tape" ? "replay" : "simulated";
  return { kind, text: parts.join(" + "), files };
}

/** The page's label: the one every instrument with data shares, else a mix. */
export function pageLabel(
  symbols: readonly string[],
  sources: readonly DataSource[],
  feed: string | null,
): SourceLabel {
  const labels = symbols.map((s) => labelOf(s, sources, feed)).filter((l) => l.kind !== "none");
  if (labels.length === 0) return { kind: "none", text: "NO DATA", files: [] };
  const texts = new Set(labels.map((l) => l.text));
  if (texts.size === 1) return labels[0]!;
  const kinds = new Set(labels.flatMap((l) => l.text.split(" + ").map((p) => p.split(" · ")[0]!)));
  const files = [...new Set(labels.flatMap((l) => l.files))];
  const [word] = kinds;
  if (kinds.size === 1 && word !== WORD.simulated) {
    return { kind: word === WORD.import ? "imported" : "replay", text: `${word} · ${files.join(", ")}`, files };
  }
  return { kind: "mixed", text: `MIXED · ${[...kinds].join(" + ")}`, files };
}

/** The footer's sentence: where the prices on the page come from, per kind. */
export function describeSources(
  symbols: readonly string[],
  sources: readonly DataSource[],
  feed: string | null,
): string {
  const groups = new Map<string, string[]>();
  for (const symbol of symbols) {
    const label = labelOf(symbol, sources, feed);
    if (label.kind === "none") continue;
    groups.set(label.text, [...(groups.get(label.text) ?? []), symbol]);
  }
  if (groups.size === 0) return "No prices stored yet.";
  const sentences = [...groups].map(([text, list]) => {
    const who = list.length > 4 ? `${list.length} instruments` : list.join(", ");
    return text
      .split(" + ")
      .map((part) => {
        const [word, files] = part.split(" · ");
        if (word === WORD.import) return `${who}: imported from ${files} (real market data)`;
        if (word === WORD.tape) return `${who}: a recorded tape, ${files}`;
        return `${who}: simulated by Aftershock (seeded KRX model), not market data`;
      })
      .join("; ");
  });
  return `Prices — ${sentences.join(". ")}.`;
}

/**
 * The interval a headline at `t0` can be studied in, from the sources covering it: "1d" when
 * every instrument's data around it is daily bars, else null (any interval the chart has).
 */
export function dailyOnlyAround(t0: number, sources: readonly DataSource[]): boolean {
  const around = sources.filter((s) => Date.parse(s.from) - DAY_MS <= t0 && t0 <= Date.parse(s.to) + 5 * DAY_MS);
  return around.length > 0 && around.every((s) => !isIntraday(s.resolution));
}

/** `dailyOnlyAround` as the interval to switch to; null to keep the usual choice. */
export function intervalForData(t0: number, sources: readonly DataSource[]): Interval | null {
  return dailyOnlyAround(t0, sources) ? "1d" : null;
}
