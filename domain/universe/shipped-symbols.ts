import universe from "./krx-universe.json";

/**
 * The symbols of the shipped universe, read straight from its data file: readUniverse
 * validates the same file wherever instruments are built (the server, the tests), so the
 * browser, which needs only the symbols, does not load the validator.
 */
export const SHIPPED_SYMBOLS: ReadonlySet<string> = new Set(
  [...universe.stocks, ...universe.indices].map((listing) => listing.symbol),
);
