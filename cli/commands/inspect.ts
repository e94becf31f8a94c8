import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { MAX_FILE_BYTES, readStructureFile } from "../../lib/io/read-structure";
import { describeStructure } from "../../lib/records/structure-summary";

export async function inspectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" } } });
  const file = positionals[0];
  if (!file) throw new Error("usage: hopscape inspect FILE [--json]");
  const summaries = readStructuresFromPath(file).map((s) => describeStructure(s));
  if (values.json) {
    console.log(JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2));
    return 0;
  }
  for (const s of summaries) {
    const l = s.lattice;
    console.log(
      [
        `formula          ${s.formula} (reduced ${s.reducedFormula})`,
        `sites            ${s.nsites}`,
        `space group      ${s.spacegroup.symbol} (${s.spacegroup.number})`,
        `lattice          a=${l.a.toFixed(4)} b=${l.b.toFixed(4)} c=${l.c.toFixed(4)} Å` +
          `  α=${l.alpha.toFixed(2)} β=${l.beta.toFixed(2)} γ=${l.gamma.toFixed(2)}°  V=${l.volume.toFixed(3)} Å³`,
        `density          ${s.density.toFixed(4)} g/cm³`,
        `oxidation states ${s.oxidationStates.map((o) => (o > 0 ? `+${o}` : String(o))).join(" ")}`,
      ].join("\n"),
    );
  }
  return 0;
}

/** Reads a structure file given on the command line, with the same size limit as uploads. */
export function readStructuresFromPath(path: string) {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new Error(`${path} is ${(size / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB`);
  return readStructureFile(readFileSync(path, "utf8"), path);
}
