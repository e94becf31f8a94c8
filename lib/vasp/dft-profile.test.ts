import { describe, expect, it } from "vitest";
import { imageOfPath } from "./dft-profile";

describe("imageOfPath", () => {
  it("takes the image from the innermost two-digit folder, else from a two-digit prefix or suffix of the name", () => {
    expect(imageOfPath("results.zip/neb/03/OUTCAR")).toBe(3);
    expect(imageOfPath("run/12/sub/vasprun.xml")).toBe(12);
    expect(imageOfPath("00_vasprun.xml")).toBe(0);
    expect(imageOfPath("04.OUTCAR")).toBe(4);
    expect(imageOfPath("vasprun-05.xml")).toBe(5);
    expect(imageOfPath("OUTCAR_02")).toBe(2);
  });

  it("does not guess from other numbers", () => {
    expect(imageOfPath("vasprun.xml")).toBeUndefined();
    expect(imageOfPath("run2023/OUTCAR")).toBeUndefined();
    expect(imageOfPath("123/OUTCAR")).toBeUndefined();
  });
});
