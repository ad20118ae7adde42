// How `larsam forget` and `larsam retention --apply` confirm: the plan is always printed;
// --yes goes on, a terminal is asked, anywhere else (a script) it is refused, since an
// erasure cannot be undone and nobody is there to read the plan.
import { createInterface } from 'node:readline/promises';
import type { Text } from '../i18n/text.ts';
import { userError } from '../messages/message.ts';
import { RIGHTS_ERRORS } from '../messages/rights.ts';

export async function confirmOnTerminal(
  question: string,
  options: { yes: boolean; terminal?: boolean; refused: Text },
): Promise<boolean> {
  if (options.yes) return true;
  const terminal = options.terminal ?? Boolean(process.stdin.isTTY && process.stderr.isTTY);
  if (!terminal) {
    throw userError(RIGHTS_ERRORS.noTerminal(options.refused));
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    return /^(y|yes|j|ja)$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
