import { describe, expect, it } from "vitest";
import { ageText } from "./counted-at";

describe("how old the queues page's counts are", () => {
  const at = new Date("2026-01-02T10:00:00Z");
  it("says seconds, then minutes, then the time", () => {
    expect(ageText(at, at.getTime() + 400)).toBe("0 s ago");
    expect(ageText(at, at.getTime() + 4_600)).toBe("5 s ago");
    expect(ageText(at, at.getTime() + 150_000)).toBe("2 min ago");
    expect(ageText(at, at.getTime() + 2 * 3_600_000)).toMatch(/^at \d\d:\d\d:\d\d$/);
  });
  it("never says a negative age (server and browser clocks a little apart)", () => {
    expect(ageText(at, at.getTime() - 3_000)).toBe("0 s ago");
  });
});
