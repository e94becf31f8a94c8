import type { Structure } from "../../lib/structure/structure";

const frac = (x: number) => x.toFixed(5);

/** Every site of the cell with its fractional coordinates (numbered from 1, as in the viewer). */
export function SitesTable({ structure }: { structure: Structure }) {
  const hasLabels = structure.sites.some((s) => s.label);
  const hasOx = structure.sites.some((s) => s.oxidationState !== undefined);
  return (
    <table className="data" aria-label="Sites">
      <thead>
        <tr>
          <th scope="col" className="num">#</th>
          {hasLabels ? <th scope="col">Label</th> : null}
          <th scope="col">Species</th>
          {hasOx ? <th scope="col" className="num">Oxidation state</th> : null}
          <th scope="col" className="num">x</th>
          <th scope="col" className="num">y</th>
          <th scope="col" className="num">z</th>
        </tr>
      </thead>
      <tbody className="mono">
        {structure.sites.map((s, i) => (
          <tr key={i}>
            <td className="num">{i + 1}</td>
            {hasLabels ? <td>{s.label ?? ""}</td> : null}
            <td>{s.species}</td>
            {hasOx ? <td className="num">{s.oxidationState ?? ""}</td> : null}
            <td className="num">{frac(s.frac[0])}</td>
            <td className="num">{frac(s.frac[1])}</td>
            <td className="num">{frac(s.frac[2])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
