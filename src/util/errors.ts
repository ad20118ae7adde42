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

/** The message and fix in both languages, when the error came from the catalogue (src/messages). */
export interface ErrorTexts {
  text: { sv: string; en: string };
  fix: { sv: string; en: string };
}

export class LarsamError extends Error {
  readonly fix: string;
  readonly where: Where;
  readonly exitCode: number;
  readonly texts: ErrorTexts | undefined;

  constructor(
    message: string,
    options: { fix: string; where?: Where; exitCode?: number; cause?: unknown; texts?: ErrorTexts },
  ) {
    super(message, { cause: options.cause });
    this.name = 'LarsamError';
    this.fix = options.fix;
    this.texts = options.texts;
    this.where = options.where ?? {};
    this.exitCode = options.exitCode ?? EXIT_USAGE_OR_DATA;
  }
}

/**
 * "file:line, column c: message. Fix: …" — the one-line form every command prints. In
 * Swedish only where the error came from the catalogue; the place words stay as they are
 * until the CLI speaks Swedish throughout.
 */
export function formatUserError(error: LarsamError, lang: 'sv' | 'en' = 'en'): string {
  const { file, line, column } = error.where;
  const place = [
    file,
    line !== undefined ? `line ${line}` : undefined,
    column !== undefined ? `column ${column}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  const message = error.texts ? error.texts.text[lang] : error.message;
  const fix = error.texts ? error.texts.fix[lang] : error.fix;
  return `${place ? `${place}: ` : ''}${message}. Fix: ${fix}`;
}
