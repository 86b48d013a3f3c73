// The contract's numeric limits, in a module of their own: the browser imports them without
// pulling in zod (contract/schemas.ts builds its schemas at load, so it is never tree-shaken).

export const MAX_TICKS_LIMIT = 10_000;
export const MAX_NEWS_LIMIT = 500;
export const MAX_SUBSCRIPTIONS = 50;
export const MAX_NEWS_BYTES = 64 * 1024;
export const MAX_REPLAY_SPEED = 1_000;
/** The longest range one replay may cover: a trading week. */
export const MAX_REPLAY_RANGE_MS = 8 * 86_400_000;
