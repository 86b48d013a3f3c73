import { describe, expect, it } from "vitest";
import { assertNever, ensure } from "./invariant";

describe("ensure", () => {
  it("hands back a value that is there, falsy ones included", () => {
    expect(ensure(0, "zero")).toBe(0);
    expect(ensure("", "empty")).toBe("");
    expect(ensure(false, "no")).toBe(false);
  });

  it("throws naming what is missing", () => {
    expect(() => ensure(undefined, "the session of 2024-01-02")).toThrow("the session of 2024-01-02 is missing");
    expect(() => ensure(null, "the last tick")).toThrow("the last tick is missing");
  });
});

describe("assertNever", () => {
  it("throws naming the value a switch did not expect", () => {
    expect(() => assertNever("rewind" as never, "replay action")).toThrow('unexpected replay action "rewind"');
  });
});
