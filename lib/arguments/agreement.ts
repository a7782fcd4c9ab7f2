// How far readers agree on the tags of the passages they both highlighted: Krippendorff's
// alpha for nominal data (docs/adr/0014-argument-links.md says why alpha). Each unit is a
// passage; each reader who highlighted it gives it one value (their tag). Readers who did
// not highlight a passage are missing data, which alpha handles without dropping the unit;
// a passage only one reader highlighted has no pair and does not count.
//
//   alpha = 1 - D_o / D_e = 1 - (n - 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k
//
// where o_ck counts, over every unit u with m_u ≥ 2 values, the ordered pairs of values
// (c, k) from different readers, each weighted 1 / (m_u - 1); n_c = Σ_k o_ck; n = Σ_c n_c.
// 1 is perfect agreement, 0 agreement as chance predicts, below 0 systematic disagreement.

export interface Rating {
  unit: string;
  rater: string;
  value: string;
}

export interface Agreement {
  /** null when undefined: no pairable passage, or every value the same (no variation) */
  alpha: number | null;
  /** share of pairs of readers on a passage who gave it the same tag (0–1), null with no pair */
  observed: number | null;
  /** passages with at least two readers */
  units: number;
  /** pairable values (n) */
  values: number;
  raters: number;
}

/** Krippendorff's alpha (nominal) and the plain pairwise agreement, over `ratings`. A rater's
 * second value for the same unit is ignored (one value per reader and passage). */
export function computeAgreement(ratings: readonly Rating[]): Agreement {
  const units = new Map<string, Map<string, string>>();
  for (const r of ratings) {
    if (!units.has(r.unit)) units.set(r.unit, new Map());
    const unit = units.get(r.unit)!;
    if (!unit.has(r.rater)) unit.set(r.rater, r.value);
  }
  const o = new Map<string, number>(); // `${c}\u0000${k}` → weight
  const totals = new Map<string, number>(); // n_c
  let pairable = 0;
  let agreeing = 0;
  let pairs = 0;
  const raters = new Set<string>();
  for (const unit of units.values()) {
    const values = [...unit.values()];
    const m = values.length;
    if (m < 2) continue;
    pairable++;
    for (const rater of unit.keys()) raters.add(rater);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const key = `${values[i]}\u0000${values[j]}`;
        o.set(key, (o.get(key) ?? 0) + 1 / (m - 1));
        totals.set(values[i], (totals.get(values[i]) ?? 0) + 1 / (m - 1));
        if (j > i) {
          pairs++;
          if (values[i] === values[j]) agreeing++;
        }
      }
  }
  const n = [...totals.values()].reduce((a, b) => a + b, 0);
  let disagreeing = 0;
  for (const [key, weight] of o) {
    const [c, k] = key.split('\u0000');
    if (c !== k) disagreeing += weight;
  }
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += nc * nk;
  const alpha = pairable === 0 || expected === 0 ? null : 1 - ((n - 1) * disagreeing) / expected;
  return {
    alpha: alpha === null ? null : round(alpha),
    observed: pairs === 0 ? null : round(agreeing / pairs),
    units: pairable,
    values: Math.round(n),
    raters: raters.size,
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** How a figure reads to a facilitator (Krippendorff's own rule of thumb). */
export function describeAlpha(alpha: number | null): string {
  if (alpha === null) return 'not defined yet';
  if (alpha >= 0.8) return 'strong agreement';
  if (alpha >= 0.667) return 'tentative agreement';
  if (alpha > 0.1) return 'weak agreement';
  if (alpha >= -0.1) return 'about what chance would give';
  return 'systematic disagreement';
}
