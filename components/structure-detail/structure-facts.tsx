import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../server/api/root";
import styles from "./structure-detail.module.css";

export type StructureDetail = inferRouterOutputs<AppRouter>["structures"]["byId"];

const fixed = (x: number, digits: number) => x.toFixed(digits);

/** The structure's identity, cell and energies as a definition list. */
export function StructureFacts({ s }: { s: StructureDetail }) {
  const facts: [string, React.ReactNode][] = [
    ["Formula", s.formula],
    ["Reduced formula", s.reducedFormula],
    ["Chemical system", s.chemsys],
    ["Sites", s.nsites],
    ["Space group", `${s.spacegroupSymbol} (${s.spacegroupNumber})`],
    ["a, b, c (Å)", [s.lattice.a, s.lattice.b, s.lattice.c].map((x) => fixed(x, 4)).join(", ")],
    ["α, β, γ (°)", [s.lattice.alpha, s.lattice.beta, s.lattice.gamma].map((x) => fixed(x, 3)).join(", ")],
    ["Volume (Å³)", fixed(s.volume, 3)],
    ["Density (g/cm³)", fixed(s.density, 4)],
    ["Source", s.sourceId ? `${s.source} · ${s.sourceId}` : s.source],
  ];
  if (s.finalEnergy !== null) facts.push(["Final energy (eV)", fixed(s.finalEnergy, 4)]);
  if (s.energyAboveHull !== null) facts.push(["Energy above hull (eV/atom)", fixed(s.energyAboveHull, 4)]);
  if (s.formationEnergyPerAtom !== null) facts.push(["Formation energy (eV/atom)", fixed(s.formationEnergyPerAtom, 4)]);
  facts.push(["Added", `${s.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC`]);

  return (
    <dl className={styles.facts}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
