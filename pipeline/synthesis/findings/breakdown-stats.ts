// Tests of one group's proportion against the rest's, and Holm's correction for many of them.

/** A two-sided test of two proportions: its p-value and which test gave it. */
export interface ProportionTest {
  p: number;
  test: 'z' | 'fisher';
}

/** Below this expected count in any cell of the 2x2 table, Fisher's exact test replaces z. */
const MIN_EXPECTED = 5;

/**
 * Whether `a` of `n1` differs from `b` of `n2`, two-sided: the pooled two-proportion z-test,
 * or Fisher's exact test when any cell of the 2x2 table expects fewer than 5 (where the normal
 * approximation is poor). Both bases must be positive.
 */
export function compareProportions(a: number, n1: number, b: number, n2: number): ProportionTest {
  const total = n1 + n2;
  const hits = a + b;
  const expected = [n1 * hits, n1 * (total - hits), n2 * hits, n2 * (total - hits)].map(
    (x) => x / total,
  );
  if (expected.some((e) => e < MIN_EXPECTED))
    return { p: fisherExact(a, n1, b, n2), test: 'fisher' };
  const pooled = hits / total;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { p: 1, test: 'z' };
  const z = Math.abs(a / n1 - b / n2) / se;
  return { p: Math.min(1, erfc(z / Math.SQRT2)), test: 'z' };
}

/**
 * Fisher's exact test, two-sided: the probability, with the margins fixed, of a table at most
 * as likely as the one seen (the usual definition, as R's `fisher.test`).
 */
export function fisherExact(a: number, n1: number, b: number, n2: number): number {
  const total = n1 + n2;
  const hits = a + b;
  const logP = (x: number) =>
    logChoose(hits, x) + logChoose(total - hits, n1 - x) - logChoose(total, n1);
  const seen = logP(a);
  let p = 0;
  for (let x = Math.max(0, n1 - (total - hits)); x <= Math.min(hits, n1); x++) {
    const lp = logP(x);
    // A relative tolerance, so that tables as likely as the one seen count despite rounding.
    if (lp <= seen + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/**
 * Holm's step-down adjustment: the i-th smallest of m p-values times (m - i), never below the
 * one before it, at most 1. Rejecting where the adjusted value is under alpha keeps the chance
 * of any false flag among all m tests under alpha. Returned in the input's order.
 */
export function holmAdjust(ps: readonly number[]): number[] {
  const order = ps.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p || x.i - y.i);
  const adjusted = new Array<number>(ps.length).fill(1);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (ps.length - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** The complementary error function (Numerical Recipes' `erfcc`: relative error under 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln(n!) by the Lanczos approximation of the gamma function (g = 7). */
function logFactorial(n: number): number {
  const x = n;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}
