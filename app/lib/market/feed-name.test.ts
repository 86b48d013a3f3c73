import { describe, expect, it } from "vitest";
import { scenarioOf } from "./feed-name";

describe("scenarioOf", () => {
  it("names the scenario a scenario feed plays", () => {
    expect(scenarioOf("scenario:korea-tariff-deal")).toBe("korea-tariff-deal");
  });

  it("is null for the simulator, a replay, no feed, or an empty name", () => {
    for (const feed of ["simulate", "replay", "off", "scenario:", "", null, undefined])
      expect(scenarioOf(feed), String(feed)).toBeNull();
  });
});
