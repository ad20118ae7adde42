// Colours safe for colour-blind readers (Okabe & Ito 2008) and text colours that pass
// WCAG AA on white. Colour never carries meaning alone: every status and series is
// also written in words.
import type { GoalStatus } from './types.ts';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** Series colours in order of use (yellow left out: too light for thin lines on white). */
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
];

/** Point shapes in the same order, so series differ in shape as well as colour. */
export const SERIES_SHAPES: readonly string[] = [
  'circle',
  'square',
  'triangle-up',
  'diamond',
  'triangle-down',
  'cross',
  'triangle-left',
];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

export function seriesShape(index: number): string {
  return SERIES_SHAPES[index % SERIES_SHAPES.length]!;
}

/** Met in dark blue, likely met in light blue, likely missed in orange, missed in vermillion. */
export const STATUS_COLOURS: Record<GoalStatus, string> = {
  met: OKABE_ITO.blue,
  likely_met: OKABE_ITO.skyBlue,
  likely_missed: OKABE_ITO.orange,
  missed: OKABE_ITO.vermillion,
  insufficient: '#999999',
  not_due: OKABE_ITO.reddishPurple,
  invalid: OKABE_ITO.black,
};

export const STATUS_ORDER: readonly GoalStatus[] = [
  'met',
  'likely_met',
  'likely_missed',
  'missed',
  'insufficient',
  'invalid',
  'not_due',
];

/** Text on white: 15.9:1 and 7.5:1. */
export const TEXT = '#222222';
export const MUTED_TEXT = '#555555';
/** Light grey for areas that carry no value (a target field, a suppressed cell). */
export const FIELD_GREY = '#dddddd';
export const MISSING_FILL = '#bdbdbd';

/** Five light-to-dark blues (ColorBrewer Blues, single hue, safe for colour-blind readers). */
export const SEQUENTIAL_BLUES: readonly string[] = [
  '#deebf7',
  '#9ecae1',
  '#6baed6',
  '#3182bd',
  '#08519c',
];
/** Index of the first of SEQUENTIAL_BLUES on which text must be white (black on #3182bd is 4.8:1, white on #08519c 8.4:1). */
export const FIRST_DARK_BLUE = 4;
