import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createDb, createPool, databaseUrl } from "../../db/client";
import { batchVaspZip, pathwayVaspZip, vaspExportOverrides } from "../../lib/vasp/pathway-export";
import { pathwayBand, topPathwayBands } from "../../db/pathway-bands";
import { numberOption } from "./options";

const USAGE = "usage: hopscape export vasp --pathway ID | --top N [--out FILE] [--flavour vtst|vasp] [--encut EV] [--ediffg X] [--nsw N] [--kpoints L]";

/**
 * `hopscape export vasp`: one pathway's VASP NEB inputs, or the N pathways with the lowest relaxed
 * BVSE barrier, as a zip (the same files as the web downloads) written to --out or a named file here.
 */
export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      pathway: { type: "string" },
      top: { type: "string" },
      out: { type: "string" },
      flavour: { type: "string" },
      encut: { type: "string" },
      ediffg: { type: "string" },
      nsw: { type: "string" },
      kpoints: { type: "string" },
    },
  });
  if (positionals.join(" ") !== "vasp") throw new Error(USAGE);
  if ((values.pathway === undefined) === (values.top === undefined)) throw new Error(`give either --pathway or --top\n${USAGE}`);
  const parsed = vaspExportOverrides.safeParse({
    flavour: values.flavour,
    encut: values.encut,
    ediffg: values.ediffg,
    nsw: values.nsw,
    kpoints: values.kpoints,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));

  const pool = createPool(databaseUrl(), 2);
  try {
    const db = createDb(pool);
    let name: string;
    let zip: Uint8Array;
    let what: string;
    if (values.pathway !== undefined) {
      const id = numberOption(values.pathway, "--pathway", { min: 1, integer: true });
      const band = await pathwayBand(db, id);
      if (!band) throw new Error(`no pathway with id ${id}`);
      ({ name, zip } = pathwayVaspZip(band, parsed.data));
      what = `pathway ${id}`;
    } else {
      const top = numberOption(values.top, "--top", { min: 1, max: 10_000, integer: true });
      const bands = await topPathwayBands(db, top);
      if (bands.length === 0) throw new Error("no pathway has a BVSE barrier yet (run the barriers stage first)");
      name = `hopscape-vasp-top${top}.zip`;
      zip = batchVaspZip(bands, parsed.data, name.replace(/\.zip$/, ""));
      what = `${bands.length} pathway(s), lowest barrier first`;
    }
    const out = values.out ?? name;
    writeFileSync(out, zip);
    console.log(`wrote ${out}: VASP inputs of ${what} (${(zip.length / 1024).toFixed(0)} kB)`);
    return 0;
  } finally {
    await pool.end();
  }
}
