import { describe, expect, it } from "vitest";
import { safeNextPath, signInHref } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps paths on this site, query included", () => {
    expect(safeNextPath("/queues")).toBe("/queues");
    expect(safeNextPath("/pathways?sort=barrier&page=2")).toBe("/pathways?sort=barrier&page=2");
  });

  it("sends anything else home", () => {
    for (const bad of [undefined, null, "", "https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/sign-in", "/sign-in?next=/x"]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });

  it("builds a sign-in link that comes back", () => {
    expect(signInHref("/settings/pathways")).toBe("/sign-in?next=%2Fsettings%2Fpathways");
  });
});
