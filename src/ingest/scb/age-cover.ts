// Which age categories of an SCB export make up the population 20–64: single ages or
// non-overlapping bands that tile 20–64 exactly, the finest such tiling when the file
// holds several (overlapping 5- and 10-year bands). A total ("totalt ålder") is all
// ages and never part of 20–64. A file may hold a contiguous part of 20–64 only (say
// 20–44 and, in another file, 45–64): it covers that span, and the data tests check that
// the files of one municipality and year together cover 20–64 once.
import { scbMessages } from '../../messages/scb.ts';
import type { Text } from '../../messages/message.ts';
import { spanText, type AgeLabel } from './labels.ts';

export const AGE_FROM = 20;
export const AGE_TO = 64;

export interface AgeCategory {
  label: string;
  age: AgeLabel;
}

export type AgeCover =
  | { ok: true; from: number; to: number; labels: string[] }
  | { ok: false; reason: Text };

type Span = { label: string; from: number; to: number };

/** The tiling of [from, to] with the most pieces, or null; ties go to the earlier-listed label. */
function finestTiling(spans: Span[], from: number, to: number): Span[] | null {
  // best[a]: the finest tiling of [a, to]; filled from the end.
  const best = new Map<number, Span[]>();
  best.set(to + 1, []);
  for (let a = to; a >= from; a--) {
    let chosen: Span[] | null = null;
    for (const span of spans) {
      if (span.from !== a || span.to > to) continue;
      const rest = best.get(span.to + 1);
      if (rest && (!chosen || rest.length + 1 > chosen.length)) chosen = [span, ...rest];
    }
    if (chosen) best.set(a, chosen);
  }
  return best.get(from) ?? null;
}

function list(spans: Span[]): string {
  const shown = spans.slice(0, 6).map((s) => `'${s.label}'`);
  return spans.length > 6 ? `${shown.join(', ')} …` : shown.join(', ');
}

export function coverAges(categories: AgeCategory[]): AgeCover {
  const unknown = categories.filter((c) => c.age.kind === 'unknown');
  if (unknown.length) {
    return {
      ok: false,
      reason: scbMessages.unreadableAges(unknown.map((c) => c.label)),
    };
  }
  const spans: Span[] = categories.flatMap((c) =>
    c.age.kind === 'span' ? [{ label: c.label, from: c.age.from, to: c.age.to }] : [],
  );
  if (!spans.length) {
    return {
      ok: false,
      reason: scbMessages.onlyTotalAge(),
    };
  }
  const whole = finestTiling(spans, AGE_FROM, AGE_TO);
  if (whole) return { ok: true, from: AGE_FROM, to: AGE_TO, labels: whole.map((s) => s.label) };

  const across = spans.filter(
    (s) => (s.from < AGE_FROM && s.to >= AGE_FROM) || (s.from <= AGE_TO && s.to > AGE_TO),
  );
  if (across.length) {
    return {
      ok: false,
      reason: scbMessages.classesAcross(list(across)),
    };
  }
  // A part of 20–64: the ages inside it must form one span, tiled once.
  const inside = spans.filter((s) => s.from >= AGE_FROM && s.to <= AGE_TO);
  if (!inside.length) {
    return { ok: false, reason: scbMessages.noAgesInside(list(spans)) };
  }
  const from = Math.min(...inside.map((s) => s.from));
  const to = Math.max(...inside.map((s) => s.to));
  const covered = new Set(
    inside.flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, i) => s.from + i)),
  );
  const gaps = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter(
    (age) => !covered.has(age),
  );
  if (gaps.length) {
    return {
      ok: false,
      reason: scbMessages.agesMissing(
        gaps.length === 1 ? String(gaps[0]) : `${gaps[0]}–${gaps.at(-1)}`,
        spanText(from, to),
      ),
    };
  }
  const part = finestTiling(inside, from, to);
  if (!part) {
    return {
      ok: false,
      reason: scbMessages.classesOverlap(list(inside), spanText(from, to)),
    };
  }
  return { ok: true, from, to, labels: part.map((s) => s.label) };
}
