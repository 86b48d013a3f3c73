import { describe, expect, it } from "vitest";
import { directives } from "../../test/support/csp";
import { contentSecurityPolicy } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows eval only in development, where Next's dev runtime needs it", () => {
    expect(directives(contentSecurityPolicy("localhost:3000", true)).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy("localhost:3000", false)).get("script-src")).not.toContain("'unsafe-eval'");
  });
});
