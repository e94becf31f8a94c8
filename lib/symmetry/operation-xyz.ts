import type { Mat3, Vec3 } from "../structure/vector";
import { det3 } from "../structure/vector";
import type { SymmetryOperation } from "./analyze";

const AXES = ["x", "y", "z"] as const;

/**
 * Parses a symmetry operation as CIFs write it in `_symmetry_equiv_pos_as_xyz` or
 * `_space_group_symop_operation_xyz`: "x+1/2,-y,z", "-x+y, -x, z+0.5", "1/2+X,+Y,-Z".
 * Each of the three comma-separated components is a sum of signed terms, a term being a variable
 * with an optional integer factor ("2x", "-y") or a constant (integer, fraction or decimal).
 */
export function parseSymmetryOperation(text: string): SymmetryOperation {
  const parts = text.replace(/\u2212/g, "-").toLowerCase().replace(/\s+/g, "").split(",");
  if (parts.length !== 3 || parts.some((p) => p === "")) {
    throw new Error(`symmetry operation "${text}" does not have three components`);
  }
  const rotation: Mat3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const translation: Vec3 = [0, 0, 0];
  parts.forEach((part, row) => {
    let pos = 0;
    while (pos < part.length) {
      // A term: optional sign, optional number (a, a.b, a/b), optional "*", optional variable.
      const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)?(?:\/(\d+(?:\.\d*)?))?(\*)?([xyz])?/.exec(part.slice(pos));
      if (!m || m[0] === "" || (m[2] === undefined && m[5] === undefined) || (m[3] && m[2] === undefined)) {
        throw new Error(`symmetry operation "${text}": cannot read "${part.slice(pos)}"`);
      }
      if (pos > 0 && m[1] === "") throw new Error(`symmetry operation "${text}": missing sign before "${m[0]}"`);
      const sign = m[1] === "-" ? -1 : 1;
      let value = m[2] === undefined ? 1 : Number(m[2]);
      if (m[3] !== undefined) {
        const denominator = Number(m[3]);
        if (denominator === 0) throw new Error(`symmetry operation "${text}": division by zero`);
        value /= denominator;
      }
      if (m[5] !== undefined) {
        if (!Number.isInteger(value)) {
          throw new Error(`symmetry operation "${text}": non-integer factor of ${m[5]}`);
        }
        rotation[row][AXES.indexOf(m[5] as (typeof AXES)[number])] += sign * value;
      } else {
        if (m[4] !== undefined) throw new Error(`symmetry operation "${text}": "*" without a variable`);
        translation[row] += sign * value;
      }
      pos += m[0].length;
    }
  });
  if (Math.abs(Math.abs(det3(rotation)) - 1) > 1e-9) {
    throw new Error(`symmetry operation "${text}" is not an isometry of the lattice (determinant ${det3(rotation)})`);
  }
  return { rotation, translation };
}

/** Writes an operation in CIF form, "-x+y, -x, z+1/2", with translations as simple fractions. */
export function formatSymmetryOperation(op: SymmetryOperation): string {
  return op.rotation
    .map((row, i) => {
      let s = "";
      row.forEach((c, j) => {
        if (c === 0) return;
        const factor = Math.abs(c) === 1 ? "" : String(Math.abs(c));
        s += (c < 0 ? "-" : s === "" ? "" : "+") + factor + AXES[j];
      });
      const t = op.translation[i] - Math.floor(op.translation[i]);
      if (t > 1e-9 && t < 1 - 1e-9) s += (s === "" ? "" : "+") + fraction(t);
      return s === "" ? "0" : s;
    })
    .join(", ");
}

/** A translation as a fraction with a small denominator (space groups need at most 12), else decimal. */
function fraction(t: number): string {
  for (const d of [2, 3, 4, 6, 8, 12]) {
    const n = Math.round(t * d);
    if (Math.abs(n / d - t) < 1e-9) return `${n}/${d}`;
  }
  return String(Number(t.toFixed(10)));
}
