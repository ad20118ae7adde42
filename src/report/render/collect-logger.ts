// A Vega/Vega-Lite logger that keeps warnings and errors instead of printing them, so a
// chart that compiles with warnings can be caught in tests and reported by the caller.
import type { LoggerInterface } from 'vega-util';

export interface CollectingLogger extends LoggerInterface {
  readonly messages: string[];
}

const WARN = 2;

function text(args: unknown[]): string {
  return args
    .map((arg) =>
      arg instanceof Error ? arg.message : typeof arg === 'string' ? arg : JSON.stringify(arg),
    )
    .join(' ');
}

export function collectingLogger(): CollectingLogger {
  const messages: string[] = [];
  let level = WARN;
  const logger: CollectingLogger = {
    messages,
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      messages.push(`error: ${text(args)}`);
      return logger;
    },
    warn(...args: unknown[]) {
      if (level >= WARN) messages.push(`warning: ${text(args)}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
