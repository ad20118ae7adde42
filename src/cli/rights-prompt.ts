// How `larsam forget` and `larsam retention --apply` confirm: the plan is always printed;
// --yes goes on, a terminal is asked, anywhere else (a script) it is refused, since an
// erasure cannot be undone and nobody is there to read the plan.
import { createInterface } from 'node:readline/promises';
import { LarsamError } from '../util/errors.ts';

export async function confirmOnTerminal(
  question: string,
  options: { yes: boolean; terminal?: boolean; refused: string },
): Promise<boolean> {
  if (options.yes) return true;
  const terminal = options.terminal ?? Boolean(process.stdin.isTTY && process.stderr.isTTY);
  if (!terminal) {
    throw new LarsamError(
      `${options.refused}; there is no terminal to confirm it, so nothing was changed`,
      {
        fix: 'check the plan printed above, then run again with --yes',
      },
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    return /^(y|yes|j|ja)$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
