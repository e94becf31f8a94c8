import { describe, expect, it } from "vitest";
import { cellMassU, densityGPerCm3 } from "./density";
import { caF2, liF } from "./reference-crystals";

describe("density", () => {
  it("CaF2 with a = 5.4626 Å is 3.18 g/cm³", () => {
    // Published X-ray density of fluorite 3.18 g/cm³ (CRC Handbook); by hand:
    // 4·(40.078 + 2·18.998403) u / 5.4626³ Å³ · 1.66054 = 3.1814 g/cm³.
    expect(cellMassU(caF2())).toBeCloseTo(4 * (40.078 + 2 * 18.998403163), 9);
    expect(densityGPerCm3(caF2())).toBeCloseTo(3.1814, 3);
  });

  it("LiF with a = 4.0263 Å is 2.64 g/cm³", () => {
    // CRC Handbook gives 2.635 g/cm³ for LiF; 4·(6.94 + 18.998) u / 4.0263³ Å³ · 1.66054 = 2.6396.
    expect(densityGPerCm3(liF())).toBeCloseTo(2.6396, 3);
    expect(Math.abs(densityGPerCm3(liF()) - 2.635)).toBeLessThan(0.01);
  });

  it("scales with the inverse cube of the cell edge", () => {
    expect(densityGPerCm3(caF2(5.4626 * 2))).toBeCloseTo(densityGPerCm3(caF2()) / 8, 10);
  });
});
