// The message catalogue (src/messages, issue 16) holds every user-facing message: an error
// is raised with userError(problem) and never written as `new LarsamError(…)` elsewhere;
// every entry has its English and Swedish, and every problem its fix in both; every data
// test of sql/tests has its description in both languages, the English as in the file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_TEST_DESCRIPTIONS } from '../../src/messages/build.ts';
import { readDataTests } from '../../src/models/data-tests.ts';
import { projectRoot } from '../../src/util/paths.ts';

const SRC = join(projectRoot, 'src');
const MESSAGES = join(SRC, 'messages');
/** Where a LarsamError may be constructed: the catalogue's userError and the class itself. */
const ALLOWED = [MESSAGES, join(SRC, 'util', 'errors.ts')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('errors come from the catalogue', () => {
  it('no `new LarsamError(` in src/ outside src/messages and src/util/errors.ts', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (ALLOWED.some((allowed) => file === allowed || file.startsWith(`${allowed}/`))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\bnew LarsamError\(/.test(line))
            offenders.push(`${relative(projectRoot, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    // each offender on a line of its own, so the failure lists what is left to migrate
    expect(offenders.join('\n'), 'raise these with userError(<catalogue entry>)').toBe('');
  });
});

/** The stand-ins below: a text that is one of them came from the caller, not the catalogue. */
const standIns = new WeakSet<object>();

/** A value that serves as any argument: a string "X", the number 2, a list of two of itself. */
function anything(): unknown {
  const handler: ProxyHandler<() => void> = {
    get(_target, prop) {
      if (prop === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : 'X');
      if (prop === Symbol.iterator)
        return function* () {
          yield proxy;
          yield proxy;
        };
      if (prop === 'length') return 2;
      if (prop === 'toString' || prop === 'toJSON' || prop === 'valueOf') return () => 'X';
      if (prop === 'toLocaleString') return () => '2';
      if (prop === 'then') return undefined;
      return proxy;
    },
    apply: () => proxy,
  };
  const proxy: object = new Proxy(() => {}, handler);
  standIns.add(proxy);
  return proxy;
}

/** Exports that are helpers, not messages: they build SQL from entries checked on their own. */
const HELPERS = new Set(['rejects.messageSql', 'rejects.rejectSql']);

interface Entry {
  name: string;
  value: unknown;
}

const isText = (v: unknown): v is { en: unknown; sv: unknown } =>
  typeof v === 'object' && v !== null && 'en' in v && 'sv' in v;
const isProblem = (v: unknown): v is { text: unknown; fix: unknown } =>
  typeof v === 'object' && v !== null && 'text' in v && 'fix' in v;

/** Every Text and Problem a catalogue module exports, functions called with stand-in values. */
function entriesOf(name: string, value: unknown, depth = 0): Entry[] {
  if (depth > 6 || HELPERS.has(name)) return [];
  if (typeof value === 'function') {
    const call = (arg: () => unknown) =>
      value(...Array.from({ length: Math.max(value.length, 3) }, arg));
    let result: unknown;
    try {
      result = call(anything);
    } catch {
      // a function that needs real strings (an SQL literal, say): try plain ones
      try {
        result = call(() => 'X');
      } catch (error) {
        return [{ name: `${name}(…)`, value: error }];
      }
    }
    return isText(result) || isProblem(result) ? [{ name: `${name}(…)`, value: result }] : [];
  }
  if (isText(value) || isProblem(value)) return [{ name, value }];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, v]) => entriesOf(`${name}.${key}`, v, depth + 1));
  return [];
}

const fromCaller = (v: unknown) => typeof v === 'function' && standIns.has(v);
const filled = (v: unknown) => fromCaller(v) || (typeof v === 'string' && v.trim() !== '');
const textProblems = (name: string, t: unknown): string[] =>
  fromCaller(t)
    ? []
    : isText(t)
      ? [
          ...(filled(t.en) ? [] : [`${name}: no English`]),
          ...(filled(t.sv) ? [] : [`${name}: no Swedish`]),
        ]
      : [`${name}: not a text in both languages`];

describe('every catalogue entry has both languages', async () => {
  const modules = readdirSync(MESSAGES).filter((f) => f.endsWith('.ts') && f !== 'message.ts');
  const entries: Entry[] = [];
  for (const file of modules) {
    const exports = (await import(join(MESSAGES, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports))
      entries.push(...entriesOf(`${file.replace(/\.ts$/, '')}.${name}`, value));
  }

  it('finds the entries of every catalogue module', () => {
    for (const file of modules)
      expect(
        entries.some((e) => e.name.startsWith(`${file.replace(/\.ts$/, '')}.`)),
        file,
      ).toBe(true);
    expect(entries.length).toBeGreaterThan(100);
  });

  it('sv and en are non-empty; a problem has its fix in both', () => {
    const wrong = entries.flatMap(({ name, value }) => {
      if (value instanceof Error) return [`${name}: threw ${value.message}`];
      if (isProblem(value))
        return [
          ...textProblems(`${name}.text`, value.text),
          ...textProblems(`${name}.fix`, value.fix),
        ];
      return textProblems(name, value);
    });
    expect(wrong.join('\n')).toBe('');
  });
});

describe('data test descriptions', () => {
  const tests = readDataTests();
  it("every sql/tests file has an entry, its English the file's own comment", () => {
    const files = readdirSync(join(projectRoot, 'sql', 'tests'))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.replace(/\.sql$/, ''))
      .sort();
    expect(Object.keys(DATA_TEST_DESCRIPTIONS).sort()).toEqual(files);
    for (const test of tests) {
      expect(DATA_TEST_DESCRIPTIONS[test.name]!.en, test.file).toBe(test.description);
      expect(test.descriptions).toEqual(DATA_TEST_DESCRIPTIONS[test.name]);
      expect(test.descriptions.sv).not.toBe(test.descriptions.en);
    }
  });
});
