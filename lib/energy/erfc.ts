/**
 * Complementary error function. JavaScript has no Math.erfc, and the two users need different
 * trade-offs: Ewald sums want near double precision (Madelung constants to 1e-7 and better),
 * the BVSE grid wants speed over millions of points, where 1e-7 relative is far below the
 * model's own uncertainty.
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

/**
 * erfc(x) to about 1e-15 relative for x ≥ 0 (absolute 1e-16 for x < 0 via erfc(−x) = 2 − erfc(x)).
 * Below 2.5 the all-positive series erf(x) = (2/√π)·e^{−x²}·Σ 2ⁿx^{2n+1}/(2n+1)!! (no cancellation);
 * above, the Laplace continued fraction of erfc, which converges fast for large x and keeps
 * relative accuracy where erfc is tiny.
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 0; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 3);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/**
 * erfc(x) for x ≥ 0 with relative error below 1.2e-7: the Chebyshev-fitted exponential form of
 * Press et al., Numerical Recipes (2nd ed.) §6.2, "erfcc". Used where speed matters more than
 * the last digits (BVSE grids).
 */
export function erfcFast(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  return (
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  );
}
