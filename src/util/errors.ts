// One error type for everything a user can fix. The CLI turns it into one line and an
// exit code; anything else is a bug and shows a stack trace only with --debug.

export const EXIT_OK = 0;
export const EXIT_USAGE_OR_DATA = 1;
export const EXIT_STRICT_REJECTS = 2;

export interface Where {
  file?: string;
  line?: number;
  column?: string;
}

export class LarsamError extends Error {
  readonly fix: string;
  readonly where: Where;
  readonly exitCode: number;

  constructor(
    message: string,
    options: { fix: string; where?: Where; exitCode?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = 'LarsamError';
    this.fix = options.fix;
    this.where = options.where ?? {};
    this.exitCode = options.exitCode ?? EXIT_USAGE_OR_DATA;
  }
}

/** "file:line, column c: message. Fix: …" — the one-line form every command prints. */
export function formatUserError(error: LarsamError): string {
  const { file, line, column } = error.where;
  const place = [
    file,
    line !== undefined ? `line ${line}` : undefined,
    column !== undefined ? `column ${column}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  return `${place ? `${place}: ` : ''}${error.message}. Fix: ${error.fix}`;
}
