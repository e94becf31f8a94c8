import { describe, expect, it } from "vitest";
import type { Vec3 } from "../structure/vector";
import { resamplePath } from "./resample-path";

describe("resamplePath", () => {
  it("spaces points equally in arc length along a bent path and keeps its ends", () => {
    // An L of legs 3 and 1 (length 4) at 5 points: every 1.0 along it, the corner at the 4th point.
    const path: Vec3[] = [[0, 0, 0], [1, 0, 0], [3, 0, 0], [3, 1, 0]];
    const out = resamplePath(path, 5);
    const expected = [[0, 0, 0], [1, 0, 0], [2, 0, 0], [3, 0, 0], [3, 1, 0]];
    out.forEach((p, i) => p.forEach((x, a) => expect(x).toBeCloseTo(expected[i][a], 12)));
  });

  it("refuses a path of zero length", () => {
    expect(() => resamplePath([[1, 1, 1], [1, 1, 1]], 4)).toThrow(/zero length/);
  });
});
