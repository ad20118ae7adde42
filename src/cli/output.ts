// Everything a command prints goes through here: results on stdout (JSON with --json),
// messages on stderr, nothing extra with --quiet.

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
}

export class Output {
  constructor(readonly options: OutputOptions) {}

  /** A human message (stderr under --json, so stdout stays machine-readable). */
  say(text: string): void {
    if (this.options.quiet) return;
    (this.options.json ? process.stderr : process.stdout).write(`${text}\n`);
  }

  warn(text: string): void {
    if (this.options.quiet) return;
    process.stderr.write(`warning: ${text}\n`);
  }

  /** The command's result: JSON under --json, else the given human rendering. */
  result(value: unknown, human: () => string): void {
    if (this.options.json) process.stdout.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
    else if (!this.options.quiet) process.stdout.write(`${human()}\n`);
  }

  get interactive(): boolean {
    return !this.options.quiet && !this.options.json && Boolean(process.stderr.isTTY);
  }
}

export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}
