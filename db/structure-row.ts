import type { StructureEnergies } from "../lib/records/structure-import-input";
import type { StructureRecord } from "../lib/records/structure-record";
import type { NewStructureRow } from "./schema/structures";

/** Where a structure came from, as the structures table records it. */
export interface StructureOrigin {
  source: NewStructureRow["source"];
  sourceId?: string | null;
  energies?: StructureEnergies;
}

/** The structures-table row of a record: the one mapping the import job and test fixtures share. */
export function structureRowOf(record: StructureRecord, origin: StructureOrigin): NewStructureRow {
  return {
    source: origin.source,
    sourceId: origin.sourceId ?? null,
    formula: record.formula,
    reducedFormula: record.reducedFormula,
    chemsys: record.chemsys,
    elements: record.elements,
    nsites: record.nsites,
    nelements: record.nelements,
    density: record.densityGPerCm3,
    volume: record.volumeA3,
    spacegroupNumber: record.spacegroupNumber,
    spacegroupSymbol: record.spacegroupSymbol,
    structure: record.structure,
    finalEnergy: origin.energies?.finalEnergy ?? null,
    energyAboveHull: origin.energies?.energyAboveHull ?? null,
    formationEnergyPerAtom: origin.energies?.formationEnergyPerAtom ?? null,
    fingerprint: record.fingerprint,
  };
}
