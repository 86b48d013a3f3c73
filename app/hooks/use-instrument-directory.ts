"use client";

import { useEffect, useState } from "react";
import type { Instrument } from "../../contract/model";
import { fetchInstruments } from "../lib/transport/api-client";

/** What the reaction views need to know of a symbol: its name and how prices print. */
export interface InstrumentInfo {
  name: string;
  decimals: number;
}

export type InstrumentDirectory = ReadonlyMap<string, InstrumentInfo>;

// One request per page, however many reaction views ask; a failure is retried next mount.
let pending: Promise<Instrument[]> | null = null;

/** The instruments by symbol; empty until they arrive (or when they cannot be had). */
export function useInstrumentDirectory(): InstrumentDirectory {
  const [directory, setDirectory] = useState<InstrumentDirectory>(new Map());
  useEffect(() => {
    let alive = true;
    pending ??= fetchInstruments();
    pending.then(
      (list) => alive && setDirectory(new Map(list.map((i) => [i.symbol, { name: i.name, decimals: i.decimals }]))),
      () => {
        pending = null;
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return directory;
}

/** Decimals to print a symbol's price with when its instrument is not known: indices 2, shares 0. */
export function decimalsOf(directory: InstrumentDirectory, symbol: string): number {
  return directory.get(symbol)?.decimals ?? (symbol.startsWith("^") ? 2 : 0);
}
