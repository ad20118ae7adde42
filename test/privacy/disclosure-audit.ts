// A disclosure audit of the published indicators.csv, written as an outsider would do
// it and independent of the suppression code: it reads the CSV text and the public
// municipality reference (code → county, in_region) only, and imports nothing from
// src/ (no src/stats, src/report, sql). It finds every suppressed quantity cell that an
// outsider can compute exactly from the published numbers with sums every reader knows:
//
//   Q(s, all)    = Q(s, lc) + Q(s, non_lc)              scopes municipality, county, region
//   Q(county c)  = Σ Q(municipality m) over the reference's municipalities of county c
//   Q(region)    = Σ Q(municipality m) over the reference's municipalities in the region
//
// per term and quantity. A published row *exposes* quantity cells (EXPOSURES below: one
// quantity may be published by several indicators, e.g. new_lc_share's numerator of
// group `all` is new_students of group `lc`), a suppressed row *hides* the cells it would
// expose. A hidden cell is leaked when some published row exposes it ('exposed') or when
// it is determined by the published cells through the relations ('determined': its unit
// vector lies in the row space of the relation matrix restricted to the unknown cells;
// exact rational Gauss–Jordan elimination, per connected component).
//
// Where in doubt the audit takes the attacker's side:
//   - a cell without any row, of an indicator that has rows in the term, is known 0
//     (indicators.md: a row exists for every scope × term × group with a registered
//     person; a share is absent when its denominator is 0). new_students_per_10k is the
//     exception: its rows also depend on the population being known, so its absence
//     says nothing.
//   - `n` of an unsuppressed row is read too: it is the count for counts, the
//     denominator for shares, the number of persons P for prestationsgrad /
//     prestationsgrad_4t (the same P as retention's denominator) and the number of
//     registrations for completion_rate.
//   - decimals are read as the exact rationals they spell, so an hst of 3.425 is
//     205.5 credits exactly; recovered credit sums are then as exact as the published
//     doubles (compare them with a tolerance).
// Not modelled (see the remarks in the README of test/fixtures/disclosure/): bounds
// (a suppressed count lies in 1..min_cell−1, a subset count is at most its total),
// intervals, relations across terms, centres (no public sum links them to the other
// scopes) and activities (scope `activity` has no additive relations: its rows are
// listed, kept out of the system).
import { csvObjects, parseCsv } from '../helpers/csv.ts';

// ---------------------------------------------------------------- rationals

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** An exact fraction num/den with den > 0, in lowest terms. */
export class Fraction {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den: bigint = 1n) {
    if (den === 0n) throw new Error('fraction with denominator 0');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  static readonly ZERO = new Fraction(0n);
  static readonly ONE = new Fraction(1n);

  static of(n: number | bigint): Fraction {
    if (typeof n === 'bigint') return new Fraction(n);
    if (!Number.isInteger(n))
      throw new Error(`Fraction.of needs an integer, got ${n}; use Fraction.parse for decimals`);
    return new Fraction(BigInt(n));
  }

  /** The exact value of a decimal string: "12", "-0.125", "3.0000000000000004", "1e-7", "2.5E+3". */
  static parse(text: string): Fraction {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === ''))
      throw new Error(`not a decimal number: ${JSON.stringify(text)}`);
    const digits = `${m[2]}${m[3] ?? ''}` || '0';
    const exponent = Number(m[4] ?? '0') - (m[3] ?? '').length;
    let num = BigInt(digits);
    let den = 1n;
    if (exponent >= 0) num *= 10n ** BigInt(exponent);
    else den = 10n ** BigInt(-exponent);
    return new Fraction(m[1] === '-' ? -num : num, den);
  }

  add(o: Fraction): Fraction {
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Fraction): Fraction {
    return new Fraction(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Fraction): Fraction {
    return new Fraction(this.num * o.num, this.den * o.den);
  }
  div(o: Fraction): Fraction {
    return new Fraction(this.num * o.den, this.den * o.num);
  }
  neg(): Fraction {
    return new Fraction(-this.num, this.den);
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  equals(o: Fraction): boolean {
    return this.num === o.num && this.den === o.den;
  }
  toNumber(): number {
    // Exact enough for the sizes here; integers stay exact.
    if (this.den === 1n) return Number(this.num);
    const whole = this.num / this.den;
    const rest = this.num - whole * this.den;
    return Number(whole) + Number((rest * 10n ** 18n) / this.den) / 1e18;
  }
  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`;
  }
}

// ---------------------------------------------------------------- linear algebra

/** One linear equation Σ coeffs[v] · x_v = rhs over variables 0 … n−1. */
export interface Equation {
  coeffs: Map<number, Fraction>;
  rhs: Fraction;
}

export interface Solution {
  /** The variables whose unit vector lies in the row space, with their value. */
  determined: Map<number, Fraction>;
  /** Equations that reduced to 0 = c with c ≠ 0 (the published numbers contradict the relations). */
  inconsistent: number;
}

/** Reduced row echelon form of the equations, by exact Gauss–Jordan elimination over the
 * rationals on sparse rows; every row of the result has pivot coefficient 1 and no other
 * row has a nonzero entry in a pivot column. Rows that became 0 = 0 are dropped. */
export function rref(equations: Equation[]): { rows: Equation[]; inconsistent: number } {
  const rows: Equation[] = [];
  const pivotRow = new Map<number, number>(); // pivot column → index in rows
  let inconsistent = 0;
  for (const input of equations) {
    let coeffs = new Map([...input.coeffs].filter(([, c]) => !c.isZero()));
    let rhs = input.rhs;
    // Eliminate the existing pivots from the new row.
    for (const [v, c] of [...coeffs]) {
      const p = pivotRow.get(v);
      if (p === undefined || !coeffs.has(v)) continue;
      const pr = rows[p]!;
      const factor = coeffs.get(v)!;
      void c;
      for (const [w, d] of pr.coeffs) {
        const next = (coeffs.get(w) ?? Fraction.ZERO).sub(factor.mul(d));
        if (next.isZero()) coeffs.delete(w);
        else coeffs.set(w, next);
      }
      rhs = rhs.sub(factor.mul(pr.rhs));
    }
    if (coeffs.size === 0) {
      if (!rhs.isZero()) inconsistent++;
      continue;
    }
    // A new pivot: the smallest column left, normalised to 1.
    const pivot = Math.min(...coeffs.keys());
    const lead = coeffs.get(pivot)!;
    if (!lead.equals(Fraction.ONE)) {
      coeffs = new Map([...coeffs].map(([w, d]) => [w, d.div(lead)]));
      rhs = rhs.div(lead);
    }
    const row: Equation = { coeffs, rhs };
    // Eliminate the new pivot from the earlier rows.
    for (const other of rows) {
      const factor = other.coeffs.get(pivot);
      if (factor === undefined) continue;
      for (const [w, d] of coeffs) {
        const next = (other.coeffs.get(w) ?? Fraction.ZERO).sub(factor.mul(d));
        if (next.isZero()) other.coeffs.delete(w);
        else other.coeffs.set(w, next);
      }
      other.rhs = other.rhs.sub(factor.mul(rhs));
    }
    pivotRow.set(pivot, rows.length);
    rows.push(row);
  }
  return { rows, inconsistent };
}

/** The variables the equations determine: x_j is determined iff e_j lies in the row space,
 * i.e. iff some row of the RREF is e_j (its value is that row's right-hand side). The
 * equations are split into connected components (variables sharing an equation) first. */
export function solveDetermined(variableCount: number, equations: Equation[]): Solution {
  const parent = Array.from({ length: variableCount }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const eq of equations) {
    const vars = [...eq.coeffs.keys()];
    for (const v of vars.slice(1)) {
      const a = find(vars[0]!);
      const b = find(v);
      if (a !== b) parent[a] = b;
    }
  }
  const components = new Map<number, Equation[]>();
  let inconsistent = 0;
  for (const eq of equations) {
    const first = [...eq.coeffs.keys()][0];
    if (first === undefined) {
      if (!eq.rhs.isZero()) inconsistent++;
      continue;
    }
    const root = find(first);
    const list = components.get(root) ?? [];
    list.push({ coeffs: new Map(eq.coeffs), rhs: eq.rhs });
    components.set(root, list);
  }
  const determined = new Map<number, Fraction>();
  for (const list of components.values()) {
    const reduced = rref(list);
    inconsistent += reduced.inconsistent;
    for (const row of reduced.rows) {
      if (row.coeffs.size !== 1) continue;
      const [v, c] = [...row.coeffs][0]!;
      determined.set(v, row.rhs.div(c));
    }
  }
  return { determined, inconsistent };
}

// ---------------------------------------------------------------- reading the inputs

export { csvObjects, parseCsv };

export type Field = 'value' | 'numerator' | 'denominator' | 'n';

export interface PublishedRow {
  scope: string;
  scope_id: string;
  term: string;
  indicator: string;
  group: string;
  value: string;
  numerator: string;
  denominator: string;
  n: string;
  suppressed: boolean;
}

/** The rows of an indicators.csv (or any CSV with its columns; `suppressed` may be absent: false). */
export function readIndicatorsCsv(text: string): PublishedRow[] {
  return csvObjects(text).map((r) => {
    for (const column of ['scope', 'scope_id', 'term', 'indicator', 'group']) {
      if (r[column] === undefined) throw new Error(`indicators CSV without column ${column}`);
    }
    return {
      scope: r.scope!,
      scope_id: r.scope_id!,
      term: r.term!,
      indicator: r.indicator!,
      group: r.group!,
      value: r.value ?? '',
      numerator: r.numerator ?? '',
      denominator: r.denominator ?? '',
      n: r.n ?? '',
      suppressed: r.suppressed === 'true',
    };
  });
}

export interface ReferenceMunicipality {
  code: string;
  county: string;
  inRegion: boolean;
}

/** A reference CSV with columns municipality_code, county_code, in_region (true/false). */
export function readReferenceCsv(text: string): ReferenceMunicipality[] {
  return csvObjects(text).map((r) => ({
    code: r.municipality_code!,
    county: r.county_code || r.municipality_code!.slice(0, 2),
    inRegion: r.in_region === 'true',
  }));
}

// ---------------------------------------------------------------- what a row exposes

/** The additive quantities: counts of persons or registrations, sums of credits. */
export type Quantity =
  | 'N' // new students
  | 'PK'
  | 'FG'
  | 'LP' // new students with known parental education; first generation; low parental education
  | 'AK'
  | 'M' // known birth year; mature (≥ 25)
  | 'BK'
  | 'FB' // known foreign background; foreign background
  | 'GK'
  | 'W' // known gender; women
  | 'SX' // Σ hp(r), credits (hst = SX / 60)
  | 'SY' // Σ earned(r, term cutoff), credits (hpr = SY / 60)
  | 'SY4' // Σ earned(r, four-term cutoff), credits
  | 'REG'
  | 'C' // registrations; completed registrations
  | 'P'
  | 'RET'; // persons registered; retained persons

export const QUANTITIES: readonly Quantity[] = [
  'N',
  'PK',
  'FG',
  'LP',
  'AK',
  'M',
  'BK',
  'FB',
  'GK',
  'W',
  'SX',
  'SY',
  'SY4',
  'REG',
  'C',
  'P',
  'RET',
];

export interface Exposure {
  field: Field;
  quantity: Quantity;
  /** field = quantity × coefficient. */
  coefficient: Fraction;
  /** The group of the cell, when it is not the row's own. */
  group?: string;
}

const ONE = Fraction.ONE;
const SIXTIETH = new Fraction(1n, 60n);
const e = (
  field: Field,
  quantity: Quantity,
  coefficient: Fraction = ONE,
  group?: string,
): Exposure => ({
  field,
  quantity,
  coefficient,
  ...(group === undefined ? {} : { group }),
});
const share = (numerator: Quantity, denominator: Quantity): Exposure[] => [
  e('numerator', numerator),
  e('denominator', denominator),
  e('n', denominator),
];

/** The quantity cells each indicator's fields publish, per group of the row. */
export function exposures(indicator: string, group: string): Exposure[] {
  switch (indicator) {
    case 'new_students':
      return [e('value', 'N'), e('n', 'N')];
    case 'new_students_per_10k': // its denominator is the public population
      return [e('numerator', 'N'), e('n', 'N')];
    case 'new_lc_share': {
      // The numerator is new_students of group lc: of the row's scope for `all` and `lc`,
      // and 0 (nothing to learn) for non_lc.
      const base = [e('denominator', 'N'), e('n', 'N')];
      if (group === 'all' || group === 'lc') base.push(e('numerator', 'N', ONE, 'lc'));
      return base;
    }
    case 'first_generation_share':
      return share('FG', 'PK');
    case 'low_parental_education_share':
      return share('LP', 'PK');
    case 'mature_share':
      return share('M', 'AK');
    case 'foreign_background_share':
      return share('FB', 'BK');
    case 'women_share':
      return share('W', 'GK');
    case 'hst':
      return [e('value', 'SX', SIXTIETH), e('n', 'SX', SIXTIETH)];
    case 'hpr':
      return [e('value', 'SY', SIXTIETH), e('n', 'SY', SIXTIETH)];
    case 'prestationsgrad':
      return [e('numerator', 'SY', SIXTIETH), e('denominator', 'SX', SIXTIETH), e('n', 'P')];
    case 'prestationsgrad_4t':
      return [e('numerator', 'SY4'), e('denominator', 'SX'), e('n', 'P')];
    case 'completion_rate':
      return share('C', 'REG');
    case 'retention':
      return share('RET', 'P');
    default:
      return [];
  }
}

/** Indicators whose missing row for a scope × group says its quantities are 0 there. */
function absenceMeansZero(indicator: string): boolean {
  return indicator !== 'new_students_per_10k' && exposures(indicator, 'all').length > 0;
}

// ---------------------------------------------------------------- the audit

export interface Leak {
  term: string;
  quantity: Quantity;
  scope: string;
  scope_id: string;
  group: string;
  how: 'exposed' | 'determined';
  /** The recovered value in the quantity's unit (persons, registrations, credits). */
  value: number;
  /** The same, exactly as the published decimals give it. */
  exact: string;
  /** For 'exposed': the published row that gives it away (indicator, group, field). */
  via?: string;
  /** Whether the recovered value is one the small-cell rule itself would hide (see SENSITIVITY). */
  sensitive: boolean;
}

/** Which recovered values matter. A person or registration count that is a count or a
 * denominator (N, PK, AK, BK, GK, REG, P) is sensitive when it is 1 … min_cell − 1 (0
 * and ≥ min_cell are published as they are). A numerator (FG, LP, M, FB, W, C, RET) or
 * a credit sum (SX, SY, SY4) is sensitive unless the count behind it is known (published
 * or recovered) to be 0 or ≥ min_cell: then its row would have been published. */
export const SENSITIVITY: Record<Quantity, Quantity | 'count'> = {
  N: 'count',
  PK: 'count',
  AK: 'count',
  BK: 'count',
  GK: 'count',
  REG: 'count',
  P: 'count',
  FG: 'PK',
  LP: 'PK',
  M: 'AK',
  FB: 'BK',
  W: 'GK',
  C: 'REG',
  RET: 'P',
  SX: 'P',
  SY: 'P',
  SY4: 'P',
};

export interface AuditResult {
  leaks: Leak[];
  /** The leaks whose value matters (Leak.sensitive). */
  sensitiveLeaks: Leak[];
  /** Suppressed rows of the additive scopes and of centres. */
  suppressedRows: number;
  /** Distinct hidden quantity cells (term × quantity × scope × scope_id × group). */
  hiddenCells: number;
  /** Rows of scope activity: listed, not audited (they have no additive relations). */
  activityRows: PublishedRow[];
  /** Relations the published numbers contradict (should be 0; a positive count means a relation of this audit is wrong for the data). */
  inconsistentRelations: number;
}

const ADDITIVE_SCOPES = ['municipality', 'county', 'region'] as const;
const GROUPS = ['all', 'lc', 'non_lc'] as const;

interface CellState {
  known?: { value: Fraction; coefficient: Fraction; via: string };
  hidden: boolean;
}

const key = (scope: string, id: string, group: string): string =>
  `${scope}\u0000${id}\u0000${group}`;

function parseField(row: PublishedRow, field: Field): Fraction | null {
  const text = row[field];
  return text === '' ? null : Fraction.parse(text);
}

/** Every suppressed cell of the published CSV that an outsider can compute exactly. */
export function auditDisclosure(
  rows: PublishedRow[],
  reference: ReferenceMunicipality[],
  options: { minCell?: number } = {},
): AuditResult {
  const minCell = options.minCell ?? 5;
  const activityRows = rows.filter((r) => r.scope === 'activity');
  const audited = rows.filter((r) => r.scope !== 'activity');
  const terms = [...new Set(audited.map((r) => r.term))];
  const leaks: Leak[] = [];
  let hiddenCells = 0;
  let inconsistentRelations = 0;

  const countyOf = new Map(reference.map((m) => [m.code, m.county]));
  const regionMunicipalities = reference.filter((m) => m.inRegion).map((m) => m.code);

  for (const term of terms) {
    const termLeaks: Omit<Leak, 'sensitive'>[] = [];
    /** Every cell value the outsider has this term: published, absent (0) or determined. */
    const recovered = new Map<string, Fraction>();
    const termRows = audited.filter((r) => r.term === term);
    // The scope ids of the term: the reference's, and any the CSV names besides.
    const municipalities = new Set(reference.map((m) => m.code));
    const counties = new Set(reference.map((m) => m.county));
    for (const r of termRows) {
      if (r.scope === 'municipality') municipalities.add(r.scope_id);
      if (r.scope === 'county') counties.add(r.scope_id);
    }
    const cells: [string, string, string][] = [
      ...[...municipalities].flatMap((m) =>
        GROUPS.map((g) => ['municipality', m, g] as [string, string, string]),
      ),
      ...[...counties].flatMap((c) =>
        GROUPS.map((g) => ['county', c, g] as [string, string, string]),
      ),
      ...GROUPS.map((g) => ['region', 'region', g] as [string, string, string]),
      ...[...new Set(termRows.filter((r) => r.scope === 'centre').map((r) => r.scope_id))].map(
        (c) => ['centre', c, 'lc'] as [string, string, string],
      ),
    ];

    // Per quantity: what each cell's rows say.
    const state = new Map<Quantity, Map<string, CellState>>(QUANTITIES.map((q) => [q, new Map()]));
    const cell = (q: Quantity, k: string): CellState => {
      const m = state.get(q)!;
      let s = m.get(k);
      if (!s) {
        s = { hidden: false };
        m.set(k, s);
      }
      return s;
    };
    const rowsOf = new Map<string, Set<string>>(); // indicator → cells with a row
    for (const r of termRows) {
      const set = rowsOf.get(r.indicator) ?? new Set<string>();
      set.add(key(r.scope, r.scope_id, r.group));
      rowsOf.set(r.indicator, set);
      for (const x of exposures(r.indicator, r.group)) {
        const s = cell(x.quantity, key(r.scope, r.scope_id, x.group ?? r.group));
        if (r.suppressed) {
          s.hidden = true;
          continue;
        }
        const published = parseField(r, x.field);
        if (published === null) continue;
        // Prefer an exposure with coefficient 1 (credits as summed, not a double /60).
        if (!s.known || (!s.known.coefficient.equals(ONE) && x.coefficient.equals(ONE))) {
          s.known = {
            value: published.div(x.coefficient),
            coefficient: x.coefficient,
            via: `${r.indicator}/${r.group}.${x.field}`,
          };
        }
      }
    }
    // Absence: a cell with no row of an indicator that has rows this term is 0.
    for (const [indicator, present] of rowsOf) {
      if (!absenceMeansZero(indicator)) continue;
      for (const [scope, id, group] of cells) {
        if (present.has(key(scope, id, group))) continue;
        for (const x of exposures(indicator, group)) {
          const s = cell(x.quantity, key(scope, id, x.group ?? group));
          if (!s.known)
            s.known = {
              value: Fraction.ZERO,
              coefficient: ONE,
              via: `no ${indicator}/${group} row`,
            };
        }
      }
    }

    for (const [quantity, cellsOf] of state) {
      for (const [k, s] of cellsOf)
        if (s.known) recovered.set(`${term}\u0000${quantity}\u0000${k}`, s.known.value);
    }
    for (const quantity of QUANTITIES) {
      const cellsOf = state.get(quantity)!;
      const hidden = [...cellsOf].filter(([, s]) => s.hidden);
      if (hidden.length === 0) continue;
      hiddenCells += hidden.length;
      const split = (k: string): [string, string, string] =>
        k.split('\u0000') as [string, string, string];
      for (const [k, s] of hidden) {
        if (!s.known) continue;
        const [scope, scope_id, group] = split(k);
        termLeaks.push({
          term,
          quantity,
          scope,
          scope_id,
          group,
          how: 'exposed',
          value: s.known.value.toNumber(),
          exact: s.known.value.toString(),
          via: s.known.via,
        });
      }

      // The unknowns: every cell of the additive scopes not known (hidden or not published at all).
      const index = new Map<string, number>();
      const names: string[] = [];
      for (const [scope, id, group] of cells) {
        if (scope === 'centre') continue;
        const k = key(scope, id, group);
        if (cellsOf.get(k)?.known) continue;
        index.set(k, names.length);
        names.push(k);
      }
      const equations: Equation[] = [];
      // Σ terms = 0, with known cells moved to the right-hand side.
      const relation = (plus: string, minus: string[]): void => {
        const coeffs = new Map<number, Fraction>();
        let rhs = Fraction.ZERO;
        const addTerm = (k: string, sign: Fraction): void => {
          const v = index.get(k);
          if (v === undefined) {
            rhs = rhs.sub(sign.mul(cellsOf.get(k)!.known!.value));
          } else {
            const next = (coeffs.get(v) ?? Fraction.ZERO).add(sign);
            if (next.isZero()) coeffs.delete(v);
            else coeffs.set(v, next);
          }
        };
        addTerm(plus, ONE);
        for (const k of minus) addTerm(k, ONE.neg());
        equations.push({ coeffs, rhs });
      };
      for (const scope of ADDITIVE_SCOPES) {
        const ids =
          scope === 'municipality'
            ? [...municipalities]
            : scope === 'county'
              ? [...counties]
              : ['region'];
        for (const id of ids)
          relation(key(scope, id, 'all'), [key(scope, id, 'lc'), key(scope, id, 'non_lc')]);
      }
      for (const group of GROUPS) {
        for (const c of counties) {
          const members = [...municipalities].filter(
            (m) => (countyOf.get(m) ?? m.slice(0, 2)) === c,
          );
          if (members.length === 0) continue; // a county the reference has no municipality of: no public sum
          relation(
            key('county', c, group),
            members.map((m) => key('municipality', m, group)),
          );
        }
        relation(
          key('region', 'region', group),
          regionMunicipalities.map((m) => key('municipality', m, group)),
        );
      }
      const solution = solveDetermined(names.length, equations);
      inconsistentRelations += solution.inconsistent;
      for (const [v, value] of solution.determined) {
        const k = names[v]!;
        const [scope, scope_id, group] = split(k);
        if (!cellsOf.get(k)?.hidden) {
          recovered.set(cellKey(term, quantity, scope, scope_id, group), value);
          continue; // unpublished but not suppressed (e.g. an empty field): not a leak
        }
        recovered.set(cellKey(term, quantity, scope, scope_id, group), value);
        termLeaks.push({
          term,
          quantity,
          scope,
          scope_id,
          group,
          how: 'determined',
          value: value.toNumber(),
          exact: value.toString(),
        });
      }
    }
    const small = (x: Fraction): boolean => x.num > 0n && x.num < BigInt(minCell) * x.den;
    for (const leak of termLeaks) {
      const behind = SENSITIVITY[leak.quantity];
      let sensitive: boolean;
      if (behind === 'count') sensitive = small(recovered.get(leakKey(leak))!);
      else {
        const count = recovered.get(cellKey(term, behind, leak.scope, leak.scope_id, leak.group));
        sensitive = count === undefined || small(count);
      }
      leaks.push({ ...leak, sensitive });
    }
  }
  return {
    leaks,
    sensitiveLeaks: leaks.filter((l) => l.sensitive),
    suppressedRows: audited.filter((r) => r.suppressed).length,
    hiddenCells,
    activityRows,
    inconsistentRelations,
  };
}

/** The true value of every quantity cell, from an unsuppressed table (the database's
 * `indicators`, for tests): the same exposures read off every row. Returns the values and
 * the cells where two rows disagree beyond `tolerance` (an exposure of this audit that is
 * not an identity). */
export function trueCells(
  rows: PublishedRow[],
  tolerance = 1e-6,
): { values: Map<string, number>; disagreements: string[] } {
  const values = new Map<string, number>();
  const disagreements: string[] = [];
  for (const r of rows) {
    if (r.scope === 'activity') continue;
    for (const x of exposures(r.indicator, r.group)) {
      const published = parseField(r, x.field);
      if (published === null) continue;
      const value = published.div(x.coefficient).toNumber();
      const k = cellKey(r.term, x.quantity, r.scope, r.scope_id, x.group ?? r.group);
      const before = values.get(k);
      if (before === undefined) values.set(k, value);
      else if (Math.abs(before - value) > tolerance * Math.max(1, Math.abs(value))) {
        disagreements.push(
          `${k.replaceAll('\u0000', ' ')}: ${before} vs ${value} (${r.indicator}.${x.field})`,
        );
      }
    }
  }
  return { values, disagreements };
}

export const cellKey = (
  term: string,
  quantity: string,
  scope: string,
  scopeId: string,
  group: string,
): string => [term, quantity, scope, scopeId, group].join('\u0000');

export const leakKey = (
  l: Pick<Leak, 'term' | 'quantity' | 'scope' | 'scope_id' | 'group'>,
): string => cellKey(l.term, l.quantity, l.scope, l.scope_id, l.group);

/** Leaks counted by how they leak. */
export function leakSummary(result: AuditResult): {
  exposed: number;
  determined: number;
  total: number;
} {
  const exposed = result.leaks.filter((l) => l.how === 'exposed').length;
  return { exposed, determined: result.leaks.length - exposed, total: result.leaks.length };
}

/** The relations of the audit checked on an unsuppressed table (the database's
 * `indicators`, for tests): each one that does not hold within `tolerance`. A cell
 * without a value counts as 0 when its quantity has values in the term (the audit's
 * absence rule); a quantity with no value in a term is not checked there. */
export function relationViolations(
  rows: PublishedRow[],
  reference: ReferenceMunicipality[],
  tolerance = 1e-6,
): string[] {
  const { values } = trueCells(rows, tolerance);
  const violations: string[] = [];
  const municipalitiesSeen = new Set(
    rows.filter((r) => r.scope === 'municipality').map((r) => r.scope_id),
  );
  const municipalities = [...new Set([...reference.map((m) => m.code), ...municipalitiesSeen])];
  const countyOf = new Map(reference.map((m) => [m.code, m.county]));
  const counties = [
    ...new Set([
      ...reference.map((m) => m.county),
      ...rows.filter((r) => r.scope === 'county').map((r) => r.scope_id),
    ]),
  ];
  const region = reference.filter((m) => m.inRegion).map((m) => m.code);
  const present = new Set(
    [...values.keys()].map((k) => k.split('\u0000').slice(0, 2).join('\u0000')),
  );
  for (const term of new Set(rows.map((r) => r.term))) {
    for (const quantity of QUANTITIES) {
      if (!present.has(`${term}\u0000${quantity}`)) continue;
      const v = (scope: string, id: string, group: string): number =>
        values.get(cellKey(term, quantity, scope, id, group)) ?? 0;
      const check = (label: string, left: number, right: number): void => {
        if (Math.abs(left - right) > tolerance * Math.max(1, Math.abs(left)))
          violations.push(`${term} ${quantity} ${label}: ${left} ≠ ${right}`);
      };
      for (const m of municipalities)
        check(
          `municipality ${m} all = lc + non_lc`,
          v('municipality', m, 'all'),
          v('municipality', m, 'lc') + v('municipality', m, 'non_lc'),
        );
      for (const c of counties)
        check(
          `county ${c} all = lc + non_lc`,
          v('county', c, 'all'),
          v('county', c, 'lc') + v('county', c, 'non_lc'),
        );
      check(
        'region all = lc + non_lc',
        v('region', 'region', 'all'),
        v('region', 'region', 'lc') + v('region', 'region', 'non_lc'),
      );
      for (const group of GROUPS) {
        for (const c of counties) {
          const members = municipalities.filter((m) => (countyOf.get(m) ?? m.slice(0, 2)) === c);
          if (members.length === 0) continue;
          check(
            `county ${c} ${group} = Σ municipalities`,
            v('county', c, group),
            members.reduce((s, m) => s + v('municipality', m, group), 0),
          );
        }
        check(
          `region ${group} = Σ municipalities`,
          v('region', 'region', group),
          region.reduce((s, m) => s + v('municipality', m, group), 0),
        );
      }
    }
  }
  return violations;
}

export interface RecoveredRow {
  row: PublishedRow;
  /** The leaks that together give the row's hidden fields back. */
  leaks: Leak[];
}

/** The suppressed rows an outsider can fill in entirely: every quantity cell the row
 * hides is leaked (so its value, numerator and denominator follow). A suppressed row of
 * which only some cells leak — new_lc_share of `all` hidden for its numerator N(lc)
 * while new_students shows its denominator N(all) — is not one. */
export function recoveredRows(rows: PublishedRow[], result: AuditResult): RecoveredRow[] {
  const leaked = new Map(result.leaks.map((l) => [leakKey(l), l]));
  const recovered: RecoveredRow[] = [];
  for (const row of rows) {
    if (!row.suppressed || row.scope === 'activity') continue;
    const hides = exposures(row.indicator, row.group);
    if (hides.length === 0) continue;
    const leaks = hides.map((x) =>
      leaked.get(cellKey(row.term, x.quantity, row.scope, row.scope_id, x.group ?? row.group)),
    );
    if (leaks.every((l): l is Leak => l !== undefined))
      recovered.push({ row, leaks: [...new Set(leaks)] });
  }
  return recovered;
}
