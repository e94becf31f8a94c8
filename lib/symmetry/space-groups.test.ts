import { describe, expect, it } from "vitest";
import { loadMoyo } from "./moyo";
import { spaceGroupFromHallNumber, spaceGroupFromHallSymbol, spaceGroupFromName, spaceGroupFromNumber } from "./space-groups";
import type { SymmetryOperation } from "./analyze";
import { formatSymmetryOperation } from "./operation-xyz";

const hasPureInversion = (ops: SymmetryOperation[]) =>
  ops.some(
    (op) =>
      op.rotation.every((row, i) => row.every((v, j) => v === (i === j ? -1 : 0))) &&
      op.translation.every((t) => Math.abs(t - Math.round(t)) < 1e-9),
  );

describe("spaceGroupFromName", () => {
  // Expected numbers and orders |G| (conventional cell, centring included) from International Tables A.
  it.each([
    ["Fm-3m", 225, 192],
    ["F m -3 m", 225, 192],
    ["Fm3m", 225, 192],
    ["FM-3M", 225, 192],
    ["P 42/m n m", 136, 16],
    ["P4_2/mnm", 136, 16],
    ["P4(2)/mnm", 136, 16],
    ["P 21/c", 14, 4],
    ["P 1 21/c 1", 14, 4],
    ["P121/c1", 14, 4],
    ["Pnma", 62, 8],
    ["P n m a", 62, 8],
    ["Pbnm", 62, 8],
    ["Cmca", 64, 16],
    ["C m c e", 64, 16],
    ["Ia-3d", 230, 96],
    ["Ia3d", 230, 96],
    ["Pa3", 205, 24],
    ["P6_3/mmc", 194, 24],
    ["P 63/m m c", 194, 24],
    ["P-1", 2, 2],
    ["P1", 1, 1],
    ["R3c", 161, 18],
    ["'P -3 m 1'", 164, 12],
    ["P 42/m 21/n 2/m", 136, 16],
    ["P 63/m 2/m 2/c", 194, 24],
  ])("%s is group %i with %i operations", (name, number, order) => {
    const g = spaceGroupFromName(name);
    expect(g.number).toBe(number);
    expect(g.operations).toHaveLength(order);
  });

  it("takes hexagonal axes for rhombohedral groups unless told otherwise", () => {
    expect(spaceGroupFromName("R-3c").setting).toBe("H");
    expect(spaceGroupFromName("R-3c").operations).toHaveLength(36);
    expect(spaceGroupFromName("R -3 c :H").setting).toBe("H");
    const r = spaceGroupFromName("R-3c:R");
    expect(r.setting).toBe("R");
    expect(r.operations).toHaveLength(12);
    expect(spaceGroupFromName("R-3c", { rhombohedralAxes: true }).setting).toBe("R");
  });

  it("takes origin choice 2 by default, 1 when asked", () => {
    // Origin choice 2 puts a centre of inversion at the origin; choice 1 does not (ITA, group 88 and 227).
    const i2 = spaceGroupFromName("I 41/a");
    expect(i2.setting).toBe("2");
    expect(hasPureInversion(i2.operations)).toBe(true);
    const i1 = spaceGroupFromName("I 41/a :1");
    expect(i1.setting).toBe("1");
    expect(hasPureInversion(i1.operations)).toBe(false);
    expect(spaceGroupFromName("I41/a:2").hallNumber).toBe(i2.hallNumber);
    expect(spaceGroupFromName("Fd-3m:S").setting).toBe("1");
    expect(spaceGroupFromName("Fd-3m").setting).toBe("2");
    // ICSD's form: the suffix as a trailing capital.
    expect(spaceGroupFromName("F d -3 m S").setting).toBe("1");
    expect(spaceGroupFromName("F d -3 m Z").setting).toBe("2");
    expect(spaceGroupFromName("R -3 c R").setting).toBe("R");
    expect(spaceGroupFromName("R -3 c H").setting).toBe("H");
  });

  it("picks the cell choice a monoclinic full symbol names", () => {
    expect(spaceGroupFromName("P 1 21/n 1").setting).toBe("b2");
    expect(spaceGroupFromName("P21/n").setting).toBe("b2");
    expect(spaceGroupFromName("P 1 1 21/b").setting).toBe("c3");
    expect(spaceGroupFromName("C2/c").setting).toBe("b1");
  });

  it("finds every symbol moyo knows, short and full, as its own group", () => {
    const moyo = loadMoyo();
    for (let n = 1; n <= 230; n++) {
      for (const e of moyo.hall_symbol_entries_from_number(n)) {
        expect(spaceGroupFromName(e.hm_full).number).toBe(n);
        expect(spaceGroupFromName(e.hm_short).number).toBe(n);
      }
    }
  });

  it("refuses unknown names and settings clearly", () => {
    expect(() => spaceGroupFromName("Xyz")).toThrow(/unknown space group "Xyz"/);
    expect(() => spaceGroupFromName("")).toThrow(/unknown space group/);
    expect(() => spaceGroupFromName("Fm-3m:2")).toThrow(/no setting ":2"/);
    expect(() => spaceGroupFromName("P3c")).toThrow(/unknown space group/);
  });
});

describe("operations", () => {
  it("act on fractional column vectors as International Tables writes them", () => {
    // ITA general position of P6_1 (169): the sixfold screw is x-y, x, z+1/6; its transpose is not in the group.
    const ops = spaceGroupFromName("P6_1").operations.map(formatSymmetryOperation);
    expect(ops).toContain("x-y, x, z+1/6");
    expect(ops).toContain("-y, x-y, z+1/3");
    // ITA origin choice 2 of I4_1/a (88): -y+3/4, x+1/4, z+1/4.
    expect(spaceGroupFromName("I41/a").operations.map(formatSymmetryOperation)).toContain("-y+3/4, x+1/4, z+1/4");
  });
});

describe("space group by number, Hall number and Hall symbol", () => {
  it("gives the standard setting for a number", () => {
    expect(spaceGroupFromNumber(225).hmShort).toBe("F m -3 m");
    expect(spaceGroupFromNumber(14).setting).toBe("b1");
    expect(spaceGroupFromNumber(167).setting).toBe("H");
    expect(spaceGroupFromNumber(227).setting).toBe("2");
    expect(() => spaceGroupFromNumber(231)).toThrow(/1 to 230/);
    expect(() => spaceGroupFromNumber(2.5)).toThrow(/1 to 230/);
  });

  it("looks up Hall numbers and symbols", () => {
    expect(spaceGroupFromHallNumber(523).number).toBe(225);
    expect(spaceGroupFromHallSymbol("-F 4 2 3").number).toBe(225);
    expect(spaceGroupFromHallSymbol("-P  2ybc").hallNumber).toBe(81);
    expect(() => spaceGroupFromHallNumber(531)).toThrow(/1 to 530/);
    expect(() => spaceGroupFromHallSymbol("Q 9")).toThrow(/unknown Hall symbol/);
  });
});
