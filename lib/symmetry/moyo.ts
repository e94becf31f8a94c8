import { readFileSync } from "node:fs";
import * as moyo from "@spglib/moyo-wasm";
import type { Mat3 } from "../structure/vector";

let ready = false;

/**
 * moyo's own no-argument init() fetches the .wasm by URL, which only works in a browser;
 * in Node we hand it the file's bytes, once per process.
 */
export function loadMoyo(): typeof moyo {
  if (!ready) {
    // Fetched through getBuiltinModule so that Next's bundler does not try to compile the .wasm it
    // would otherwise see behind a static createRequire(...).resolve(...).
    const { createRequire } = process.getBuiltinModule("node:module");
    const wasmPath = createRequire(import.meta.url).resolve("@spglib/moyo-wasm/moyo_wasm_bg.wasm");
    moyo.initSync({ module: readFileSync(wasmPath) });
    ready = true;
  }
  return moyo;
}

/**
 * moyo-wasm serialises its matrices (nalgebra, column-major) column by column. For a lattice basis
 * whose columns are a, b, c that flat list is a, b, c in turn, i.e. our row-major lattice; for a
 * rotation acting on column vectors it is the transpose of the row-major list, so it must be read
 * column by column (checked against ITA's x-y, x, z+1/6 of P6_1).
 */
export const rotationFromMoyo = (r: ArrayLike<number>): Mat3 => [
  [r[0], r[3], r[6]],
  [r[1], r[4], r[7]],
  [r[2], r[5], r[8]],
];

/** A lattice basis from moyo: rows a, b, c (see rotationFromMoyo for why no transpose is needed). */
export const latticeFromMoyo = (b: ArrayLike<number>): Mat3 => [
  [b[0], b[1], b[2]],
  [b[3], b[4], b[5]],
  [b[6], b[7], b[8]],
];
