"use client";

import { useEffect, useState } from "react";
import { fetchHealth } from "../lib/transport/api-client";
import { scenarioOf } from "../lib/market/feed-name";

/** The scenario the server's feed plays, or null (the seeded simulator, or not known yet). */
export function useFeedScenario(): string | null {
  const [scenario, setScenario] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchHealth(abort.signal).then(
      (health) => setScenario(scenarioOf(health.feed)),
      () => {}, // the badge keeps saying SIMULATED, which holds for every feed but a replay
    );
    return () => abort.abort();
  }, []);
  return scenario;
}
