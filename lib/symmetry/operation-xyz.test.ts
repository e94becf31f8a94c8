import { describe, expect, it } from "vitest";
import { formatSymmetryOperation, parseSymmetryOperation } from "./operation-xyz";

describe("parseSymmetryOperation", () => {
  it("reads a screw axis with a fractional translation", () => {
    expect(parseSymmetryOperation("x+1/2,-y,z")).toEqual({
      rotation: [
        [1, 0, 0],
        [0, -1, 0],
        [0, 0, 1],
      ],
      translation: [0.5, 0, 0],
    });
  });

  it("is robust to spaces, leading signs, constants first, upper case and decimals", () => {
    const a = parseSymmetryOperation(" 1/2+X , +Y ,  -Z+0.25 ");
    expect(a.rotation).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, -1],
    ]);
    expect(a.translation).toEqual([0.5, 0, 0.25]);
  });

  it("reads hexagonal operations with two variables in one component", () => {
    const op = parseSymmetryOperation("x-y, x, z+1/6");
    expect(op.rotation).toEqual([
      [1, -1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(op.translation[2]).toBeCloseTo(1 / 6, 12);
    expect(parseSymmetryOperation("-x+y,-x,z").rotation[0]).toEqual([-1, 1, 0]);
  });

  it("refuses malformed operations", () => {
    expect(() => parseSymmetryOperation("x,y")).toThrow(/three components/);
    expect(() => parseSymmetryOperation("x,y,")).toThrow(/three components/);
    expect(() => parseSymmetryOperation("x,y,w")).toThrow(/cannot read "w"/);
    expect(() => parseSymmetryOperation("x,x,z")).toThrow(/not an isometry/);
    expect(() => parseSymmetryOperation("x,y,z 1/2")).toThrow(/missing sign/);
    expect(() => parseSymmetryOperation("x/0,y,z")).toThrow(/cannot read/);
    expect(() => parseSymmetryOperation("0.5x,y,z")).toThrow(/non-integer/);
  });

  it("round-trips through formatSymmetryOperation", () => {
    for (const text of ["x, y, z", "-x+y, -x, z+1/3", "-y+1/4, x+3/4, -z+1/2", "x-y, -y, -z+5/6"]) {
      expect(formatSymmetryOperation(parseSymmetryOperation(text))).toBe(text);
    }
  });
});
