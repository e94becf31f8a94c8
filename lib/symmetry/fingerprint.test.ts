import { describe, expect, it } from "vitest";
import { libraryStructures } from "../library/build";
import { latticeFromParameters, wrapFrac } from "../structure/lattice";
import { caF2, liF } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import { makeSupercell } from "../structure/supercell";
import { type Mat3, type Vec3, inverse3, matMul, transpose, vecMat } from "../structure/vector";
import { expandAsymmetricUnit } from "./expand";
import { structureFingerprint } from "./fingerprint";
import { spaceGroupFromName } from "./space-groups";

/** The same crystal on another basis: new rows P·L (P integer, det ±1), coordinates f·P⁻¹. */
function changeBasis(s: Structure, p: Mat3): Structure {
  const inv = inverse3(p);
  return { lattice: matMul(p, s.lattice), sites: s.sites.map((x) => ({ ...x, frac: wrapFrac(vecMat(x.frac, inv)) })) };
}

/** The crystal turned rigidly in space: lattice rows rotated, fractional coordinates unchanged. */
function rotate(s: Structure, angleRad: number): Structure {
  const c = Math.cos(angleRad), n = Math.sin(angleRad);
  // A rotation about the axis (1, 1, 1)/√3 by Rodrigues' formula, so that all three components move.
  const k = 1 / Math.sqrt(3), t = 1 - c;
  const r: Mat3 = [
    [c + k * k * t, k * k * t - k * n, k * k * t + k * n],
    [k * k * t + k * n, c + k * k * t, k * k * t - k * n],
    [k * k * t - k * n, k * k * t + k * n, c + k * k * t],
  ];
  return { lattice: matMul(s.lattice, transpose(r)), sites: s.sites };
}

const shiftOrigin = (s: Structure, t: Vec3): Structure => ({
  lattice: s.lattice,
  sites: s.sites.map((x) => ({ ...x, frac: wrapFrac([x.frac[0] + t[0], x.frac[1] + t[1], x.frac[2] + t[2]]) })),
});

/** Another atom order: reversed, then rotated by one place (fixed, so the test repeats exactly). */
const shuffle = (s: Structure): Structure => {
  const r = [...s.sites].reverse();
  return { lattice: s.lattice, sites: [...r.slice(1), r[0]] };
};

const library = new Map(libraryStructures().map((e) => [e.id, e.structure]));
const lib = (id: string) => {
  const s = library.get(id);
  if (!s) throw new Error(`library has no ${id}`);
  return s;
};

describe("structureFingerprint is the same for one crystal in any cell setting", () => {
  const SKEW: Mat3 = [
    [1, 1, 0],
    [0, 1, 0],
    [1, 0, -1],
  ]; // det = -1: also turns the basis left-handed
  it.each(["CaF2-fluorite", "MgF2-rutile", "LaF3-tysonite", "LiYF4-scheelite", "K2NiF4-K2NiF4", "BeF2-quartz"])("%s", (id) => {
    const s = lib(id);
    const f = structureFingerprint(s);
    expect(structureFingerprint(makeSupercell(s, [2, 1, 1]))).toBe(f);
    expect(structureFingerprint(shiftOrigin(s, [0.137, 0.5, 0.911]))).toBe(f);
    expect(structureFingerprint(shuffle(s))).toBe(f);
    expect(structureFingerprint(changeBasis(s, SKEW))).toBe(f);
    expect(structureFingerprint(rotate(changeBasis(s, SKEW), 0.7))).toBe(f);
  });

  it("for fluorite given in its primitive cell and in a non-diagonal supercell", () => {
    const f = structureFingerprint(caF2());
    const prim: Mat3 = [
      [0, 0.5, 0.5],
      [0.5, 0, 0.5],
      [0.5, 0.5, 0],
    ];
    const conv = caF2();
    const primitive: Structure = {
      lattice: matMul(prim, conv.lattice),
      sites: [
        { species: "Ca", frac: [0, 0, 0] },
        { species: "F", frac: [0.25, 0.25, 0.25] },
        { species: "F", frac: [0.75, 0.75, 0.75] },
      ],
    };
    expect(structureFingerprint(primitive)).toBe(f);
    expect(structureFingerprint(makeSupercell(primitive, [[1, 1, 0], [0, 1, 1], [1, 0, 2]]))).toBe(f);
  });
});

describe("structureFingerprint tells different crystals apart", () => {
  it("gives every crystal of the built-in library its own fingerprint", () => {
    const prints = [...library.values()].map((s) => structureFingerprint(s));
    expect(new Set(prints).size).toBe(prints.length);
  });

  it("separates CaF2 from SrF2, and CaF2 at another lattice constant", () => {
    expect(structureFingerprint(lib("CaF2-fluorite"))).not.toBe(structureFingerprint(lib("SrF2-fluorite")));
    expect(structureFingerprint(caF2(5.4626))).not.toBe(structureFingerprint(caF2(5.55)));
    // Same formula, group and atom count: only the hashed environment part can differ.
    expect(structureFingerprint(caF2(5.4626)).split("-").slice(0, 3)).toEqual(structureFingerprint(caF2(5.55)).split("-").slice(0, 3));
  });

  it("separates polymorphs: rocksalt LiF from CsCl-type and zincblende-type LiF", () => {
    const rocksalt = liF();
    const a = 4.0263;
    const cscl: Structure = {
      lattice: [[2.32, 0, 0], [0, 2.32, 0], [0, 0, 2.32]],
      sites: [{ species: "Li", frac: [0, 0, 0] }, { species: "F", frac: [0.5, 0.5, 0.5] }],
    };
    const zincblende = { lattice: rocksalt.lattice, sites: rocksalt.sites.map((x) => (x.species === "F" ? { ...x, frac: wrapFrac([x.frac[0] - 0.25, x.frac[1] - 0.25, x.frac[2] - 0.25]) } : x)) };
    const prints = [rocksalt, cscl, zincblende].map((s) => structureFingerprint(s));
    expect(new Set(prints).size).toBe(3);
    expect(prints[0]).toMatch(/^LiF-225-2-[0-9a-f]{16}$/);
    expect(prints[1]).toMatch(/^LiF-221-2-/);
    expect(prints[2]).toMatch(/^LiF-216-2-/);
  });

  it("separates two rutile-type cells that differ only in the fluorine parameter x", () => {
    const lattice = latticeFromParameters({ a: 4.62, b: 4.62, c: 3.05, alpha: 90, beta: 90, gamma: 90 });
    const ops = spaceGroupFromName("P4_2/mnm").operations;
    const rutile = (x: number) =>
      expandAsymmetricUnit(lattice, ops, [{ species: "Mg", frac: [0, 0, 0] }, { species: "F", frac: [x, x, 0] }]);
    const [p1, p2] = [rutile(0.303), rutile(0.31)].map((s) => structureFingerprint(s));
    expect(p1).not.toBe(p2);
    expect(p1.split("-").slice(0, 3)).toEqual(p2.split("-").slice(0, 3));
  });
});
