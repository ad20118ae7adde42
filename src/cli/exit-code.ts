// A command that finished its work but must exit non-zero records the code here; main
// applies it once all output is written.
import type { Context } from './context.ts';

export function setExitCode(context: Context, code: number): void {
  context.exitCode = Math.max(context.exitCode, code);
  process.exitCode = context.exitCode;
}
