const SCENARIO_PREFIX = "scenario:";

/** The scenario a feed plays, from /api/health's `feed` ("scenario:<name>"); null for any other feed. */
export function scenarioOf(feed: string | null | undefined): string | null {
  if (!feed?.startsWith(SCENARIO_PREFIX)) return null;
  const name = feed.slice(SCENARIO_PREFIX.length).trim();
  return name === "" ? null : name;
}
