import { columnLabel, formatValue, PATHWAY_COLUMNS, type ColumnGroup } from "../pathways-table/pathway-columns";
import { DefinitionList } from "./definition-list";
import type { PathwayDetail } from "./pathway-types";

/**
 * The measures or the barriers of the pathway, with the same labels and digits as the table; a
 * stage that has not run on this pathway (or skipped it) says so instead of showing dashes.
 */
export function PathwayResults({ p, group }: { p: PathwayDetail; group: Exclude<ColumnGroup, "pathway"> }) {
  const exists = group === "measures" ? p.measuresId !== null : p.barriersId !== null;
  if (!exists) {
    return <p className="muted">{group === "measures" ? "Not measured yet." : "No barrier computed (yet, or the pathway did not pass the barrier stage's criteria)."}</p>;
  }
  const items: [string, string][] = PATHWAY_COLUMNS.filter((c) => c.group === group).map((c) => [columnLabel(c), formatValue(p[c.key], c.digits)]);
  if (group === "measures" && p.measuresSkipped) items.push(["Not computed", p.measuresSkipped]);
  if (group === "barriers") {
    items.push(["NEB", `${p.relaxedConverged ? "converged" : "not converged"}${p.relaxedClimbingImage === false ? ", without climbing image" : ""}, ${p.nebImages} images`]);
  }
  return <DefinitionList items={items} label={group === "measures" ? "Measures" : "Barriers"} />;
}
