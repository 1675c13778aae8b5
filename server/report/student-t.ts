/**
 * Quantiles of the normal and Student t distributions, for the report's confidence intervals.
 * Written out here rather than pulled in as a dependency: two short, published algorithms.
 */

// Acklam's rational approximation of the inverse normal CDF (relative error below 1.2e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Horner's rule: c[0]·x^(n−1) + … + c[n−1]. */
const poly = (c: number[], x: number) => c.reduce((sum, k) => sum * x + k, 0);

/** The x with P(Z ≤ x) = p for a standard normal Z; p strictly between 0 and 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('normalQuantile: p must be between 0 and 1');
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p > 1 - P_LOW) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

/**
 * The t with P(T ≤ t) = p for Student's t with `df` degrees of freedom (df ≥ 1).
 *
 * Hill, G. W. (1970) "Algorithm 396: Student's t-quantiles", Communications of the ACM 13(10),
 * as R's qt() uses it (without R's final refinement step): exact for df 1 and 2, and within 1e-4
 * of the exact value elsewhere for the probabilities a report uses (the report shows two decimals).
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('studentTQuantile: p must be between 0 and 1');
  if (!(df >= 1)) throw new RangeError('studentTQuantile: df must be at least 1');
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  // Hill works with the two-tailed probability.
  const P = 2 * (1 - p);
  if (df === 1) return 1 / Math.tan((P * Math.PI) / 2);
  if (df === 2) return Math.sqrt(2 / (P * (2 - P)) - 2);

  const a = 1 / (df - 0.5);
  const b = 48 / (a * a);
  let c = (((20700 * a) / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * df;
  let y = Math.pow(d * P, 2 / df);
  if (y > 0.05 + a) {
    // Far enough into the body: an expansion about the normal quantile.
    const x = normalQuantile(P / 2);
    y = x * x;
    if (df < 5) c += 0.3 * (df - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = Math.expm1(a * y * y);
  } else {
    // Far tail (small P or small df).
    y = ((1 / (((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3) + 0.5 / (df + 4)) * y - 1) * (df + 1) / (df + 2) + 1 / y;
  }
  return Math.sqrt(df * y);
}
