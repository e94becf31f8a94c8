import { describe, expect, it } from "vitest";
import { commonOxidationStates } from "./elements";
import { shannonEntries, shannonRadius } from "./shannon-radii";
import { SHANNON_ROWS } from "./shannon-radii-table";

// Expected radii are Shannon's (1976) Table 1 values (effective ionic radii, Å).
describe("Shannon radii", () => {
  it("gives tabulated values at the default CN 6", () => {
    expect(shannonRadius("F", -1)).toBe(1.33);
    expect(shannonRadius("O", -2)).toBe(1.4);
    expect(shannonRadius("Cl", -1)).toBe(1.81);
    expect(shannonRadius("Na", 1)).toBe(1.02);
    expect(shannonRadius("Mg", 2)).toBe(0.72);
    expect(shannonRadius("La", 3)).toBe(1.032);
    expect(shannonRadius("Al", 3)).toBe(0.535);
  });

  it("uses the requested coordination", () => {
    expect(shannonRadius("Ca", 2, 8)).toBe(1.12);
    expect(shannonRadius("K", 1, 12)).toBe(1.64);
    expect(shannonRadius("Li", 1, 4)).toBe(0.59);
  });

  it("defaults to high spin and gives low spin on request", () => {
    expect(shannonRadius("Fe", 2)).toBe(0.78);
    expect(shannonRadius("Fe", 2, 6, "LS")).toBe(0.61);
    expect(shannonRadius("Fe", 3)).toBe(0.645);
    expect(shannonRadius("Mn", 2)).toBe(0.83);
    expect(shannonRadius("Co", 3, 6, "LS")).toBe(0.545);
    // Only low spin is tabulated for Ni4+, so it is returned even when high spin is asked for.
    expect(shannonRadius("Ni", 4)).toBe(0.48);
  });

  it("prefers the tetrahedral over the square-planar entry at CN 4", () => {
    expect(shannonRadius("Ni", 2, 4)).toBe(0.55);
    expect(shannonRadius("Pd", 2, 4)).toBe(0.64); // only square planar is tabulated
  });

  it("falls back to the nearest tabulated CN, averaging ties", () => {
    // F- is tabulated at CN 2, 3, 4, 6: CN 8 → CN 6; CN 5 → mean of CN 4 and 6.
    expect(shannonRadius("F", -1, 8)).toBe(1.33);
    expect(shannonRadius("F", -1, 5)).toBeCloseTo((1.31 + 1.33) / 2, 12);
    // Mg2+ at CN 7 lies between CN 6 (0.72) and CN 8 (0.89).
    expect(shannonRadius("Mg", 2, 7)).toBeCloseTo(0.805, 12);
    expect(shannonRadius("Li", 1, 12)).toBe(0.92);
  });

  it("refuses ions Shannon does not list and unknown elements", () => {
    expect(() => shannonRadius("Sn", 2)).toThrow(/no Shannon \(1976\) radius for Sn2\+/);
    expect(() => shannonRadius("H", -1)).toThrow(/H1-/);
    expect(() => shannonRadius("Qq", 1)).toThrow(/unknown element "Qq"/);
    expect(shannonEntries("Sn", 2)).toEqual([]);
  });

  it("covers every common cation state of the fluoride/oxide-forming metals asked for", () => {
    const metals = [
      "Li", "Na", "K", "Rb", "Cs", "Be", "Mg", "Ca", "Sr", "Ba", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co",
      "Ni", "Cu", "Zn", "Y", "Zr", "Hf", "Nb", "Ta", "Al", "Ga", "In", "Tl", "Pb", "Bi", "Sb", "Cd", "Hg",
      "Ag", "La", "Ce", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
    ];
    const missing = metals.flatMap((m) =>
      commonOxidationStates(m).filter((ox) => ox > 0 && shannonEntries(m, ox).length === 0).map((ox) => `${m}${ox}`),
    );
    expect(missing).toEqual([]);
    for (const ln of ["La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu"]) {
      expect(shannonEntries(ln, 3).length).toBeGreaterThan(0);
    }
  });

  it("has no duplicate rows and radii increase with CN for each ion and spin", () => {
    const seen = new Set<string>();
    for (const [s, ox, cn, , spin, geom] of SHANNON_ROWS) {
      const k = `${s}${ox}/${cn}/${spin ?? ""}/${geom ?? ""}`;
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
    // Within one ion and spin, IR grows with CN; Sb3+ (V 0.80 > VI 0.76) is Shannon's own exception.
    const series = new Map<string, [number, number][]>();
    for (const [s, ox, cn, r, spin, geom] of SHANNON_ROWS) {
      if (geom) continue;
      const k = `${s}${ox}/${spin ?? ""}`;
      series.set(k, [...(series.get(k) ?? []), [cn, r]]);
    }
    const decreasing = [...series].filter(([, pts]) =>
      pts.sort((a, b) => a[0] - b[0]).some((p, i) => i > 0 && p[1] < pts[i - 1][1]),
    );
    expect(decreasing.map(([k]) => k)).toEqual(["Sb3/"]);
    // Lanthanide contraction: Ln3+ radii at CN 8 fall monotonically from La to Lu.
    const ln = ["La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu"];
    const r8 = ln.map((s) => shannonRadius(s, 3, 8));
    for (let i = 1; i < r8.length; i++) expect(r8[i]).toBeLessThan(r8[i - 1]);
  });
});
