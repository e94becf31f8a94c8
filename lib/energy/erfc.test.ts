import { describe, expect, it } from "vitest";
import { erfc, erfcFast } from "./erfc";

// Reference values computed with mpmath at 40 digits (erfc is a standard special function;
// e.g. erfc(1) = 0.15729920705028513066 in Abramowitz & Stegun, Table 7.1).
const REFERENCE: [number, number][] = [
  [0, 1],
  [0.3, 0.67137324054087258],
  [1, 0.15729920705028513],
  [2, 0.0046777349810472658],
  [2.5, 0.00040695201744495894],
  [4, 1.5417257900280019e-8],
  [8, 1.1224297172982927e-29],
  [-1, 1.8427007929497149],
];

describe("erfc", () => {
  it("matches reference values to 1e-13 relative", () => {
    for (const [x, y] of REFERENCE) expect(Math.abs(erfc(x) - y) / y).toBeLessThan(1e-13);
  });
  it("fast variant stays within 1.2e-7 relative for x ≥ 0", () => {
    for (const [x, y] of REFERENCE) if (x >= 0) expect(Math.abs(erfcFast(x) - y) / y).toBeLessThan(1.2e-7);
  });
});
