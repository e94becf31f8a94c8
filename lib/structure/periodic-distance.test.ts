import { describe, expect, it } from "vitest";
import { fracToCart, latticeParameters, perpendicularHeights } from "./lattice";
import { createPeriodicMetric, periodicDistance } from "./periodic-distance";
import { seededRandom } from "./random-structure";
import { skewedCell } from "./skewed-lattices";
import { type Vec3, norm } from "./vector";

// Reference: the minimum over an explicit block of images, |n_i| ≤ R, in the skewed basis itself.
function bruteForce(lattice: ReturnType<typeof skewedCell>, a: Vec3, b: Vec3, R: number) {
  let best = Infinity;
  let at: Vec3 = [0, 0, 0];
  for (let i = -R; i <= R; i++) for (let j = -R; j <= R; j++) for (let k = -R; k <= R; k++) {
    const r = norm(fracToCart(lattice, [b[0] - a[0] + i, b[1] - a[1] + j, b[2] - a[2] + k]));
    if (r < best) { best = r; at = [i, j, k]; }
  }
  return { best, at };
}

describe("minimum-image distance", () => {
  const lattice = skewedCell();
  const metric = createPeriodicMetric(lattice);
  const rnd = seededRandom(7);
  const pts = Array.from({ length: 40 }, () => [rnd() * 2 - 0.5, rnd() * 2 - 0.5, rnd() * 2 - 0.5] as Vec3);

  it("is a very skewed cell (so the test means something)", () => {
    const p = latticeParameters(lattice);
    expect(Math.max(p.a, p.b, p.c) / Math.min(...perpendicularHeights(lattice))).toBeGreaterThan(10);
  });

  it("equals brute force over ±14 images in the skewed basis", () => {
    const R = 14;
    let naiveWrong = 0;
    for (let t = 0; t < 20; t++) {
      const a = pts[t], b = pts[t + 20];
      const ref = bruteForce(lattice, a, b, R);
      expect(Math.max(...ref.at.map(Math.abs))).toBeLessThan(R); // minimum is inside the searched block
      const got = metric.minimumImage(a, b);
      expect(got.distanceA).toBeCloseTo(ref.best, 10);
      // The image it reports really is at that distance.
      const v = fracToCart(lattice, [b[0] + got.image[0] - a[0], b[1] + got.image[1] - a[1], b[2] + got.image[2] - a[2]]);
      expect(norm(v)).toBeCloseTo(ref.best, 10);
      got.vectorA.forEach((x, i) => expect(x).toBeCloseTo(v[i], 9));
      // Rounding fractional differences, the naive minimum image, is wrong for most of these pairs.
      const naive = norm(fracToCart(lattice, [0, 1, 2].map((i) => b[i] - a[i] - Math.round(b[i] - a[i])) as Vec3));
      if (naive > ref.best + 1e-6) naiveWrong++;
    }
    expect(naiveWrong).toBeGreaterThan(5);
  });

  it("is zero for lattice-equivalent points and symmetric", () => {
    expect(periodicDistance(lattice, [0.1, 0.2, 0.3], [3.1, -4.8, 7.3])).toBeLessThan(1e-9);
    expect(metric.distance(pts[0], pts[1])).toBeCloseTo(metric.distance(pts[1], pts[0]), 12);
  });
});
