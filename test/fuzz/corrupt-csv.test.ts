// Hostile input, property-based (issue 7): small valid CSV files of several kinds, with
// Swedish letters, corrupted at random, loaded by the in-process ingest into one real
// DuckDB file. Whatever the corruption, ingest neither throws nor hangs, and the ledger,
// raw tables and rejects agree (see ingestAndCheck in support.ts).
//
// CI runs a fixed number of runs with a fixed seed. A longer run:
//   FUZZ_RUNS=2000 npx vitest run test/fuzz        (FUZZ_SEED=n for another seed)
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf } from '../../src/contract/columns-of.ts';
import type { Kind } from '../../src/contract/kinds.ts';
import { windows1252 } from '../helpers/workspace.ts';
import {
  BASE_FILES,
  FuzzDb,
  budget,
  csvCell,
  fcParams,
  ingestAndCheck,
  PNRS,
  type BaseFile,
  type Delimiter,
} from './support.ts';

let fz: FuzzDb;
beforeAll(async () => {
  fz = await FuzzDb.open();
});
afterAll(() => fz?.close());

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const DELIMITERS: Delimiter[] = [',', ';', '\t'];

const arbBase = fc.constantFrom(...BASE_FILES);
const arbDelimiter = fc.constantFrom(...DELIMITERS);

// ---------------------------------------------------------------------------------------
// Cell-level corruption: the file keeps its shape (no delimiter, quote or line break is
// added), so every line is still one row. Then rows read = the file's rows exactly, a
// row whose cells were not touched loads (or is the second holder of a unique key), and
// a rejected row is rejected for a column that was touched.

/** Text a cell may be replaced with: no delimiter, quote or line break. */
const SAFE = (s: string) => s.replace(/[,;\t"\r\n]/g, '');

const NEAR_MISSES = [
  'HT 2025',
  'ht25',
  'HT2025 ',
  'HT  2025',
  'HT_2025',
  'H2025',
  'ST2025',
  'HT20255',
  'ＨＴ２０２５',
  '2025-02-30',
  '2025-13-01',
  '2025-3-14',
  '14/03/2025',
  '2025-03-14T10:00',
  '2025-03-14 00:00:00',
  '20250314',
  '7.5',
  '1 000.5',
  '1.000.5',
  '7..5',
  '+7',
  '-0',
  '1e3',
  'NaN',
  'Infinity',
  '٣',
  '7½',
  '0x10',
  '99999999999999999999',
  ' ja ',
  'SANT',
  'Sant',
  'jaa',
  'nej!',
  'yes.',
  'ä',
  'J',
  'Falskt',
  '2',
  '-1',
  '238',
  '2380 Östersund',
  '23800',
  'O180',
  '0180',
  '19900101-1234',
  '900101+1234',
  '9001011234',
  '199001011234',
  '900101 1234',
  PNRS[0]!,
  PNRS[2]!,
  '',
  ' ',
  '\u00a0',
  '\u0000',
  'NULL',
  'null',
  'N/A',
  '..',
  '-',
  '—',
  'Ø',
  'Æ',
  'ß',
  'İ',
  '\u200b',
  '\ufeff',
];

type CellEdit =
  | { kind: 'text'; text: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'cp1252'; text: string }
  | { kind: 'swap'; with: number }
  | { kind: 'huge' };

const arbCellEdit: fc.Arbitrary<CellEdit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...NEAR_MISSES)
      .map((text) => ({ kind: 'text' as const, text: SAFE(text) })),
  },
  {
    weight: 3,
    arbitrary: fc
      .string({ unit: 'binary', maxLength: 12 })
      .map((text) => ({ kind: 'text' as const, text: SAFE(text) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: 'grapheme-ascii', maxLength: 12 })
      .map((text) => ({ kind: 'text' as const, text: SAFE(text) })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        at: fc.nat(),
        text: fc.constantFrom(
          '\u0000',
          '\ufeff',
          ' ',
          '\u00a0',
          'å',
          '\u0301',
          '\u202e',
          '\\',
          "'",
          '\u2028',
        ),
      })
      .map(({ at, text }) => ({ kind: 'insert' as const, at, text })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('Härnösand', 'Örnsköldsvik', 'Åre', 'ÅÄÖ', 'é€–’')
      .map((text) => ({ kind: 'cp1252' as const, text })),
  },
  { weight: 2, arbitrary: fc.nat().map((n) => ({ kind: 'swap' as const, with: n })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'huge' as const }) },
);

interface CellCase {
  base: BaseFile;
  delimiter: Delimiter;
  crlf: boolean;
  bom: boolean;
  edits: { row: number; col: number; edit: CellEdit }[];
}

const arbCellCase: fc.Arbitrary<CellCase> = fc
  .record({
    base: arbBase,
    delimiter: arbDelimiter,
    crlf: fc.boolean(),
    bom: fc.boolean(),
    edits: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), edit: arbCellEdit }), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .map((c) => ({
    ...c,
    edits: c.edits.map((e) => ({
      ...e,
      row: e.row % c.base.rows.length,
      col: e.col % c.base.header.length,
    })),
  }));

/** The file's bytes and, per data row, the columns whose cells were changed. */
function buildCellCase(c: CellCase): { bytes: Buffer; touched: Set<string>[] } {
  const cells: Buffer[][] = c.base.rows.map((row) => row.map((cell) => Buffer.from(SAFE(cell))));
  const touched = c.base.rows.map(() => new Set<string>());
  const huge = Buffer.alloc(1 << 20, 'x');
  for (const { row, col, edit } of c.edits) {
    const name = c.base.header[col]!;
    const current = cells[row]![col]!;
    switch (edit.kind) {
      case 'text':
        cells[row]![col] = Buffer.from(edit.text);
        break;
      case 'insert': {
        const text = current.toString('utf8');
        const chars = [...text];
        const at = edit.at % (chars.length + 1);
        cells[row]![col] = Buffer.from(
          [...chars.slice(0, at), edit.text, ...chars.slice(at)].join(''),
        );
        break;
      }
      case 'cp1252':
        cells[row]![col] = windows1252(edit.text);
        break;
      case 'swap': {
        const other = edit.with % c.base.header.length;
        [cells[row]![col], cells[row]![other]] = [cells[row]![other]!, current];
        touched[row]!.add(c.base.header[other]!);
        break;
      }
      case 'huge':
        cells[row]![col] = huge;
        break;
    }
    touched[row]!.add(name);
  }
  const eol = Buffer.from(c.crlf ? '\r\n' : '\n');
  const delimiter = Buffer.from(c.delimiter);
  const header = Buffer.from(c.base.header.map((h) => csvCell(h, c.delimiter)).join(c.delimiter));
  const lines = [
    header,
    ...cells.map((row) =>
      Buffer.concat(row.flatMap((cell, i) => (i ? [delimiter, cell] : [cell]))),
    ),
  ];
  const bytes = Buffer.concat([...(c.bom ? [BOM] : []), ...lines.flatMap((line) => [line, eol])]);
  return { bytes, touched };
}

describe('cell-level corruption', () => {
  it(
    'reads every row; untouched rows load, rejected rows name a touched column',
    async () => {
      await fc.assert(
        fc.asyncProperty(arbCellCase, async (c) => {
          const { bytes, touched } = buildCellCase(c);
          const path = fz.write(c.base.kind, bytes);
          const load = await ingestAndCheck(fz, path, bytes);
          if (load.status === 'unchanged') return; // the same bytes as an earlier run
          expect(load.status, load.error).toBe('loaded');
          expect(load.rowsRead).toBe(c.base.rows.length);
          const loaded = new Set(load.loadedLines);
          c.base.rows.forEach((_, i) => {
            const line = i + 2;
            const mine = load.rejects.filter((r) => r.line === line);
            if (loaded.has(line)) return;
            expect(mine.length, `line ${line} is loaded or rejected`).toBeGreaterThan(0);
            for (const reject of mine) {
              if (reject.rule === 'duplicate_key') continue;
              expect(
                [...touched[i]!],
                `line ${line}: ${reject.column_name} ${reject.rule} (${reject.reason})`,
              ).toContain(reject.column_name);
            }
          });
        }),
        fcParams(25),
      );
    },
    budget(25, 1_000),
  );

  it(
    'a whole file in Windows-1252 (valid per the contract) loads every row with its Swedish letters intact',
    async () => {
      await fc.assert(
        fc.asyncProperty(arbBase, arbDelimiter, fc.boolean(), async (base, delimiter, crlf) => {
          const lines = [base.header, ...base.rows].map((cells) =>
            cells.map((cell) => csvCell(cell, delimiter)).join(delimiter),
          );
          const bytes = windows1252(lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n'));
          const path = fz.write(base.kind, bytes);
          const load = await ingestAndCheck(fz, path, bytes);
          if (load.status === 'unchanged') return;
          expect(load).toMatchObject({
            status: 'loaded',
            rowsRead: base.rows.length,
            rowsRejected: 0,
          });
          const textColumns = columnsOf(base.kind as Kind)
            .filter((col) => col.type === 'text' && !col.gender && !col.values && !col.freeText)
            .map((col) => col.name);
          const free = columnsOf(base.kind as Kind)
            .filter((col) => col.freeText)
            .map((col) => col.name);
          for (const column of [...textColumns, ...free].filter((name) =>
            base.header.includes(name),
          )) {
            const got = (
              await fz.rows<{ v: string | null }>(
                `SELECT "${column}" AS v FROM raw_${base.kind} WHERE _load_id = (SELECT max(load_id) FROM loads) ORDER BY _line`,
              )
            ).map((r) => r.v);
            const want = base.rows
              .map((row) => row[base.header.indexOf(column)]!)
              .map((v) => (v === '' ? (column === 'course_offering' ? '' : null) : v));
            expect(got, column).toEqual(want);
          }
        }),
        fcParams(8),
      );
    },
    budget(8, 1_000),
  );
});

// ---------------------------------------------------------------------------------------
// Structural corruption: bytes and lines cut, joined, duplicated, quotes, NULs, BOMs and
// line breaks anywhere, wrong delimiters, CR-only line ends, a 1 MB line, broken UTF-8.

type Op =
  | { op: 'insert'; at: number; bytes: Buffer }
  | { op: 'delete'; at: number; length: number }
  | { op: 'truncate'; at: number }
  | { op: 'cutLine'; line: number; at: number }
  | { op: 'joinLines'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'blankLine'; line: number; blank: string }
  | { op: 'lineDelimiter'; line: number; to: string }
  | { op: 'swapHeader'; a: number; b: number }
  | { op: 'eol'; to: '\r' | '\r\n' | '\n' }
  | { op: 'fileDelimiter'; to: string };

const INSERTS: Buffer[] = [
  Buffer.from('"'),
  Buffer.from('""'),
  Buffer.from('\u0000'),
  BOM,
  Buffer.from('\r'),
  Buffer.from('\n'),
  Buffer.from(';'),
  Buffer.from(','),
  Buffer.from('\t'),
  Buffer.from([0xc3]), // a lone UTF-8 lead byte
  Buffer.from([0xd6]), // Ö in Windows-1252
  Buffer.from([0x81, 0x8d, 0x9d]), // undefined in Windows-1252
  Buffer.from('\ufffd'),
];

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ at: fc.nat(), bytes: fc.constantFrom(...INSERTS) })
      .map((o) => ({ op: 'insert' as const, ...o })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        at: fc.nat(),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }).map((a) => Buffer.from(a)),
      })
      .map((o) => ({ op: 'insert' as const, ...o })),
  },
  {
    weight: 1,
    arbitrary: fc
      .nat()
      .map((at) => ({ op: 'insert' as const, at, bytes: Buffer.alloc(1 << 20, 'y') })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) })
      .map((o) => ({ op: 'delete' as const, ...o })),
  },
  { weight: 2, arbitrary: fc.nat().map((at) => ({ op: 'truncate' as const, at })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ line: fc.nat(), at: fc.nat() })
      .map((o) => ({ op: 'cutLine' as const, ...o })),
  },
  { weight: 2, arbitrary: fc.nat().map((line) => ({ op: 'joinLines' as const, line })) },
  { weight: 2, arbitrary: fc.nat().map((line) => ({ op: 'duplicateLine' as const, line })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ a: fc.nat(), b: fc.nat() })
      .map((o) => ({ op: 'swapLines' as const, ...o })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ line: fc.nat(), blank: fc.constantFrom('', ' ', ';;;', ',,', '\t') })
      .map((o) => ({ op: 'blankLine' as const, ...o })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ line: fc.nat(), to: fc.constantFrom(',', ';', '\t', '|', ' ') })
      .map((o) => ({ op: 'lineDelimiter' as const, ...o })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ a: fc.nat(), b: fc.nat() })
      .map((o) => ({ op: 'swapHeader' as const, ...o })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('\r' as const, '\r\n' as const, '\n' as const)
      .map((to) => ({ op: 'eol' as const, to })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(',', ';', '\t', '|')
      .map((to) => ({ op: 'fileDelimiter' as const, to })),
  },
);

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function replaceAllBytes(bytes: Buffer, from: string, to: string): Buffer {
  return Buffer.from(bytes.toString('latin1').split(from).join(to), 'latin1');
}

function applyOp(bytes: Buffer, op: Op, delimiter: string): Buffer {
  const lines = splitLines(bytes);
  const pick = (n: number) => (lines.length ? n % lines.length : 0);
  switch (op.op) {
    case 'insert': {
      const at = op.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), op.bytes, bytes.subarray(at)]);
    }
    case 'delete': {
      const at = op.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + op.length)]);
    }
    case 'truncate':
      return bytes.subarray(0, op.at % (bytes.length + 1));
    case 'cutLine': {
      if (!lines.length) return bytes;
      const i = pick(op.line);
      const line = lines[i]!;
      const body = line.subarray(0, line.length - (line.at(-1) === 0x0a ? 1 : 0));
      lines[i] = Buffer.concat([body.subarray(0, op.at % (body.length + 1)), Buffer.from('\n')]);
      return Buffer.concat(lines);
    }
    case 'joinLines': {
      if (!lines.length) return bytes;
      const i = pick(op.line);
      const line = lines[i]!;
      lines[i] = line.at(-1) === 0x0a ? line.subarray(0, line.length - 1) : line;
      return Buffer.concat(lines);
    }
    case 'duplicateLine': {
      if (!lines.length) return bytes;
      const i = pick(op.line);
      lines.splice(i, 0, lines[i]!);
      return Buffer.concat(lines);
    }
    case 'swapLines': {
      if (!lines.length) return bytes;
      const a = pick(op.a);
      const b = pick(op.b);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return Buffer.concat(lines);
    }
    case 'blankLine': {
      lines.splice(pick(op.line) + 1, 0, Buffer.from(`${op.blank}\n`));
      return Buffer.concat(lines);
    }
    case 'lineDelimiter': {
      if (!lines.length) return bytes;
      const i = pick(op.line);
      lines[i] = replaceAllBytes(lines[i]!, delimiter, op.to);
      return Buffer.concat(lines);
    }
    case 'swapHeader': {
      if (!lines.length) return bytes;
      const text = lines[0]!.toString('utf8');
      const eol = /\r?\n$/.exec(text)?.[0] ?? '';
      const cells = text.slice(0, text.length - eol.length).split(delimiter);
      const a = op.a % cells.length;
      const b = op.b % cells.length;
      [cells[a], cells[b]] = [cells[b]!, cells[a]!];
      lines[0] = Buffer.from(cells.join(delimiter) + eol);
      return Buffer.concat(lines);
    }
    case 'eol':
      return replaceAllBytes(replaceAllBytes(bytes, '\r\n', '\n'), '\n', op.to);
    case 'fileDelimiter':
      return replaceAllBytes(bytes, delimiter, op.to);
  }
}

describe('structural corruption', () => {
  it(
    'never throws or hangs; the ledger, raw rows and rejects agree; a failed file leaves nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          arbBase,
          arbDelimiter,
          fc.array(arbOp, { minLength: 1, maxLength: 3 }),
          fc.oneof(
            { weight: 4, arbitrary: fc.constant(false) },
            { weight: 1, arbitrary: fc.constant(true) },
          ),
          async (base, delimiter, ops, strict) => {
            let bytes: Buffer = Buffer.from(
              [base.header, ...base.rows]
                .map(
                  (cells) => `${cells.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\n`,
                )
                .join(''),
            );
            for (const op of ops) bytes = applyOp(bytes, op, delimiter);
            const path = fz.write(base.kind, bytes);
            await ingestAndCheck(fz, path, bytes, { strict });
          },
        ),
        fcParams(35),
      );
    },
    budget(35, 1_000),
  );

  it(
    'binary garbage named .csv, alone or after a valid header',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          arbBase,
          fc.uint8Array({ maxLength: 4096 }),
          fc.boolean(),
          async (base, garbage, withHeader) => {
            const bytes = Buffer.concat([
              withHeader ? Buffer.from(`${base.header.join(';')}\n`) : Buffer.alloc(0),
              Buffer.from(garbage),
            ]);
            const path = fz.write(base.kind, bytes);
            const load = await ingestAndCheck(fz, path, bytes);
            if (!withHeader) expect(load.rowsLoaded).toBe(0);
          },
        ),
        fcParams(12),
      );
    },
    budget(12, 1_000),
  );
});
