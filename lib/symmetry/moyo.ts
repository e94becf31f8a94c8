import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as moyo from "@spglib/moyo-wasm";

let ready = false;

/**
 * moyo's own no-argument init() fetches the .wasm by URL, which only works in a browser;
 * in Node we hand it the file's bytes, once per process.
 */
export function loadMoyo(): typeof moyo {
  if (!ready) {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@spglib/moyo-wasm/moyo_wasm_bg.wasm");
    moyo.initSync({ module: readFileSync(wasmPath) });
    ready = true;
  }
  return moyo;
}
