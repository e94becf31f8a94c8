import Link from "next/link";
import type { ReactNode } from "react";
import { DefinitionList } from "./definition-list";
import type { PathwayDetail } from "./pathway-types";

const frac = (v: readonly number[]) => `(${v.map((x) => x.toFixed(4)).join(", ")})`;
const site = (wyckoff: string | null, orbit: number) => (wyckoff ? `${wyckoff} (orbit ${orbit})` : `orbit ${orbit}`);

/** The hop itself: where it runs, how long, how often it occurs, and the band built along it. */
export function PathwayFacts({ p }: { p: PathwayDetail }) {
  const facts: [string, ReactNode][] = [
    ["Structure", <Link key="s" href={`/structures/${p.structureId}`}>{`${p.formula} (${p.spacegroupSymbol})`}</Link>],
    ["Pathway", `${p.index} of this structure (shortest first)`],
    ["Moving ion", p.ion],
    ["Length (Å)", p.length.toFixed(4)],
    ["Start (fractional)", frac(p.startFrac)],
    ["Midpoint (fractional)", frac(p.midpointFrac)],
    ["End (fractional)", frac(p.endFrac)],
    ["Sites (Wyckoff)", `${site(p.startWyckoff, p.startOrbit)} → ${site(p.endWyckoff, p.endOrbit)}`],
    ["Multiplicity", p.multiplicity],
    ["Hops per ion", p.hopsPerIon === null ? "—" : p.hopsPerIon.toFixed(3)],
    ["Ion fraction", p.ionFraction.toFixed(3)],
    ["Clearance (Å)", p.clearance.toFixed(4)],
    ["Supercell sites 7/10/12 Å", `${p.nsites777} / ${p.nsites101010} / ${p.nsites121212}`],
    ["Search radius (Å)", p.maxLength],
  ];
  if (p.scene) {
    facts.push(["Images", `${p.imageCount} (${p.imageCount - 2} interior) in a ${p.scene.multipliers.join("×")} supercell of ${p.supercellAtoms} atoms`]);
    facts.push(["IDPP", p.scene.converged ? "converged" : `not converged${p.maxForce !== null && p.maxForce >= 0 ? ` (max force ${p.maxForce.toExponential(2)})` : ""}`]);
  } else {
    facts.push(["Images", `none: ${p.imagesError ?? "not computed"}`]);
  }
  return <DefinitionList items={facts} label="Pathway facts" />;
}
