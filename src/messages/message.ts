// The shape of the message catalogue (src/messages/*.ts), in the manner of Vega-Lite's
// log/message.ts: every user-facing message is a function of its values that returns its
// text in Swedish and English and, for an error, the fix. Code raises or prints what the
// catalogue returns and tests assert against the catalogue, so a wording lives once.
import type { Lang } from '../i18n/lang.ts';
import type { Text } from '../i18n/text.ts';
import { LarsamError, type Where } from '../util/errors.ts';

export type { Text };

/** A message a user can act on: what is wrong, and the fix. */
export interface Problem {
  text: Text;
  fix: Text;
}

export const text = (en: string, sv: string): Text => ({ en, sv });

export const problem = (what: Text, fix: Text): Problem => ({ text: what, fix });

/** The error for a problem; its English stays the Error's message (logs, --json, tests). */
export function userError(
  found: Problem,
  options: { where?: Where; exitCode?: number; cause?: unknown } = {},
): LarsamError {
  return new LarsamError(found.text.en, { ...options, fix: found.fix.en, texts: found });
}

export function say(message: Text, lang: Lang): string {
  return message[lang];
}
