// A text in both of larsam's languages: every message and label readers see is one.
import type { Lang } from './lang.ts';

export type Text = Record<Lang, string>;
