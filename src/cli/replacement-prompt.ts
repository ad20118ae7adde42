// How `larsam ingest` tells what a load will remove before anything changes, and when
// it asks first: a replacement that takes more than half of a kind's rows asks on a
// terminal; elsewhere (a script, a scheduled job) it is refused unless --yes says so,
// since nobody is there to see the list. `larsam run` never passes --replace, so a
// pipeline only ever replaces new versions of its own files and never asks.
import { relative, isAbsolute } from 'node:path';
import { createInterface } from 'node:readline/promises';
import {
  kindsNeedingConfirmation,
  type KindShare,
  type ReplacePlan,
} from '../ingest/replace-plan.ts';
import { CLI_ERRORS, CLI_TEXTS } from '../messages/cli.ts';
import { userError } from '../messages/message.ts';

const n = (value: number) => value.toLocaleString('sv-SE');

/** A path as the user would type it from here: relative inside the current folder. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** One line a removed load, then what it means for each kind. */
export function describePlan(plan: ReplacePlan, cwd = process.cwd()): string[] {
  if (!plan.removals.length) return [];
  const lines = [CLI_TEXTS.replaceHead(plan.removals.length).en];
  for (const r of plan.removals) {
    lines.push(
      CLI_TEXTS.replaceLoad(shown(r.path, cwd), r.kind, r.rows, shown(r.by, cwd), r.because).en,
    );
  }
  for (const k of plan.kinds)
    lines.push(CLI_TEXTS.replaceKind(k.kind, k.removedRows, k.loadedRows).en);
  return lines;
}

export type ConfirmationStep = 'proceed' | 'ask' | 'refuse';

/** Pure: whether to go on, ask, or refuse, for the kinds that would lose more than half. */
export function confirmationStep(
  needing: readonly KindShare[],
  how: { yes: boolean; terminal: boolean },
): ConfirmationStep {
  if (!needing.length || how.yes) return 'proceed';
  return how.terminal ? 'ask' : 'refuse';
}

function shareText(needing: readonly KindShare[]): string {
  return needing
    .map((k) => `${n(k.removedRows)} of the ${n(k.loadedRows)} rows of ${k.kind}`)
    .join(', ');
}

/** The onReplace of ingest: prints the plan, then goes on, asks, or refuses. */
export async function announceAndConfirm(
  plan: ReplacePlan,
  options: { yes: boolean; say: (line: string) => void; terminal?: boolean },
): Promise<boolean> {
  for (const line of describePlan(plan)) options.say(line);
  const needing = kindsNeedingConfirmation(plan);
  const terminal = options.terminal ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const step = confirmationStep(needing, { yes: options.yes, terminal });
  if (step === 'proceed') return true;
  if (step === 'refuse') {
    throw userError(CLI_ERRORS.replacementRefused(needing));
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `This removes ${shareText(needing)}, more than half. Go on? [y/N] `,
    );
    return /^(y|yes|j|ja)$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
