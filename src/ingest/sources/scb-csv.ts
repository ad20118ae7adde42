// An SCB statistical-database export read as `population`, in any layout PxWeb and
// PxWeb2 write (wide with years or regions as headings, long Csv2/Csv3, API v2 codes or
// texts). Every cell becomes one row of (region, year, age, sex, other dimensions,
// content, value) in SQL; the distinct labels of each dimension — a few hundred at most —
// are judged in TS (scb/labels.ts, scb/age-cover.ts, scb/choose-categories.ts), and the
// chosen cells are added up per municipality and year in SQL. A file from which 20–64
// cannot be formed is refused whole, saying what it holds and what to export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../db/database.ts';
import { quoteIdentifier as q, quoteLiteral } from '../../db/sql-text.ts';
import { ingestMessages, ingestWarnings } from '../../messages/ingest.ts';
import { scbMessages } from '../../messages/scb.ts';
import { type Text, userError } from '../../messages/message.ts';
import type { LarsamError } from '../../util/errors.ts';
import { sqlRoot } from '../../util/paths.ts';
import { stubDimension, type Dimension } from '../scb-columns.ts';
import { headingOf, type Heading } from '../scb/heading.ts';
import { coverAges } from '../scb/age-cover.ts';
import { chooseContents, chooseOther, chooseSex, type Choice } from '../scb/choose-categories.ts';
import { ageOf, labelText, regionOf, spanText } from '../scb/labels.ts';
import type { CsvSniff } from '../sniff-csv.ts';
import { dropLineMapping, lineMapping } from './line-numbers.ts';
import { cellName, dropRejectTables, readCsvSql } from './read-csv-sql.ts';
import type { Source } from './source.ts';

/** The PX format's symbols for a missing value ('-' is an exact zero, not missing). */
const MISSING = ['.', '..', '...', '....', '.....', '......', '…'];

const HEADING_DIMENSIONS = ['region', 'year', 'age', 'sex', 'contents'] as const;

interface Layout {
  /** Stub columns by dimension; `others` are further dimensions (civilstånd …), by header text. */
  stubs: Partial<Record<Dimension, number>>;
  others: { index: number; name: string }[];
  /** Value columns with the dimension values their headings carry. */
  values: { index: number; heading: Heading }[];
}

/** Where a dimension's values come from, if it is in the file at all. */
function present(layout: Layout, d: Dimension): boolean {
  return layout.stubs[d] !== undefined || layout.values.some((v) => v.heading[d] !== undefined);
}

function refuse(
  displayName: string,
  reason: Text,
  header: string[],
  fix: Text = ingestMessages.scbExportAges(),
): LarsamError {
  const columns = header.map((h) => `'${h}'`).join(', ');
  return userError(ingestMessages.scbCannotGive2064(reason, columns, fix), {
    where: { file: displayName },
  });
}

async function layoutOf(
  db: Database,
  rawTable: string,
  header: string[],
  displayName: string,
  namesByCode: ReadonlyMap<string, string>,
): Promise<Layout> {
  const stubs: Layout['stubs'] = {};
  const candidates: number[] = [];
  header.forEach((cell, index) => {
    const dimension = stubDimension(cell);
    if (dimension === null) candidates.push(index);
    else if (stubs[dimension] !== undefined)
      throw refuse(
        displayName,
        scbMessages.twoColumnsForDimension(dimension, header[stubs[dimension]!]!, cell),
        header,
      );
    else stubs[dimension] = index;
  });
  const values: Layout['values'] = [];
  const unnamed: number[] = [];
  const stubSet = new Set(Object.keys(stubs) as Dimension[]);
  for (const index of candidates) {
    const heading = headingOf(header[index]!, stubSet, namesByCode);
    if (heading) values.push({ index, heading });
    else unnamed.push(index);
  }
  // A column named neither as a dimension nor by a year or region is a value column when
  // it holds only numbers (the long layouts' "Folkmängd" or "BE0101N1"), else a dimension.
  const others: Layout['others'] = [];
  if (unnamed.length) {
    const counts = await db.one<Record<string, bigint>>(
      `SELECT ${unnamed
        .map(
          (i) =>
            `count(*) FILTER (WHERE nullif(trim(${q(cellName(i))}), '') IS NOT NULL AND ${numberOf(`trim(${q(cellName(i))})`)} IS NULL AND trim(${q(cellName(i))}) NOT IN (${MISSING.map(quoteLiteral).join(', ')})) AS ${q(`t${i}`)}`,
        )
        .join(', ')} FROM ${q(rawTable)}`,
    );
    for (const index of unnamed) {
      const texts = Number(counts![`t${index}`]);
      if (texts === 0)
        values.push({
          index,
          heading: header[index]!.trim() ? { contents: header[index]!.trim() } : {},
        });
      else others.push({ index, name: header[index]!.trim() || `column ${index + 1}` });
    }
  }
  if (!values.length) throw refuse(displayName, scbMessages.noNumbers(), header);
  if (stubs.region === undefined && !values.some((v) => v.heading.region))
    throw refuse(displayName, scbMessages.noRegion(), header);
  if (stubs.year === undefined && !values.some((v) => v.heading.year))
    throw refuse(displayName, scbMessages.noYear(), header);
  return { stubs, others, values };
}

/** A population count: digits, perhaps with spaces (thousands) or a no-break space; PX's '-' is 0. */
function numberOf(cell: string): string {
  return `CASE WHEN ${cell} = '-' THEN 0::BIGINT ELSE TRY_CAST(replace(replace(${cell}, ' ', ''), chr(160), '') AS BIGINT) END`;
}

/** Municipality names of the reference (data and default), for exports with texts only. */
async function municipalityNames(db: Database): Promise<Map<string, string>> {
  const reference = readFileSync(join(sqlRoot, 'staging', 'ref_sweden_municipalities.sql'), 'utf8');
  const rows = await db.rows<{ name: string; code: string }>(
    `SELECT name, municipality_code AS code FROM (${reference}) UNION ALL SELECT name, municipality_code FROM raw_municipalities`,
  );
  return new Map(rows.map((r) => [labelText(r.name), r.code]));
}

function inList(labels: string[]): string {
  return labels.map(quoteLiteral).join(', ');
}

function valuesOf(
  choice: Choice,
  displayName: string,
  header: string[],
  warnings: string[],
): string[] {
  if (!choice.ok) throw refuse(displayName, choice.reason, header, choice.fix);
  if (choice.warning) warnings.push(choice.warning.en);
  return choice.labels;
}

export async function scbCsvSource(
  db: Database,
  path: string,
  sniff: CsvSniff,
  rejectsTable: string,
  displayName: string,
  fileLines?: number,
): Promise<Source> {
  const rawTable = `${rejectsTable}_scb`;
  const cellsTable = `${rejectsTable}_cells`;
  const regionsTable = `${rejectsTable}_regions`;
  const agesTable = `${rejectsTable}_ages`;
  const cleanup = async (database: Database) => {
    await database.run(dropRejectTables(rejectsTable));
    for (const table of [rawTable, cellsTable, regionsTable, agesTable]) {
      await database.run(`DROP TABLE IF EXISTS ${q(table)}`);
    }
    // The rows' lines are read through this mapping until the load ends.
    await dropLineMapping(database, rejectsTable);
  };
  try {
    return await readScb(
      db,
      path,
      sniff,
      rejectsTable,
      displayName,
      fileLines,
      { rawTable, cellsTable, regionsTable, agesTable },
      cleanup,
    );
  } catch (error) {
    await cleanup(db).catch(() => undefined);
    throw error;
  }
}

async function readScb(
  db: Database,
  path: string,
  sniff: CsvSniff,
  rejectsTable: string,
  displayName: string,
  fileLines: number | undefined,
  tables: { rawTable: string; cellsTable: string; regionsTable: string; agesTable: string },
  cleanup: (db: Database) => Promise<void>,
): Promise<Source> {
  const { rawTable, cellsTable, regionsTable, agesTable } = tables;
  const header = sniff.header;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${q(rawTable)} AS SELECT * FROM ${readCsvSql(path, sniff, rejectsTable)}`,
  );
  const structural = Number(
    (await db.one<{ n: bigint }>(`SELECT count(DISTINCT line) AS n FROM ${q(rejectsTable)}`))!.n,
  );
  const staged = Number(
    (await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${q(rawTable)}`))!.n,
  );
  const mapping = await lineMapping(
    db,
    {
      from: 'rowid',
      firstLine: sniff.headerIndex + 2,
      structuralRejects: rejectsTable,
      csv: { path, delimiter: sniff.delimiter, skipLines: sniff.headerIndex },
    },
    rejectsTable,
    { staged, structural, ...(fileLines !== undefined ? { fileLines } : {}) },
  );
  const names = await municipalityNames(db);
  const namesByCode = new Map([...names].map(([name, code]) => [code, name]));
  const layout = await layoutOf(db, rawTable, header, displayName, namesByCode);
  const warnings: string[] = [];

  // Every value cell as a row; a line with no cell filled (Excel's `;;;` filler) is no data.
  const dimension = (d: Dimension) =>
    layout.stubs[d] !== undefined
      ? `nullif(trim(r.${q(cellName(layout.stubs[d]!))}), '')`
      : `h.${q(d)}`;
  const headings = layout.values
    .map(
      (v) =>
        `(${v.index}, ${HEADING_DIMENSIONS.map((d) => (v.heading[d] === undefined ? 'NULL::VARCHAR' : quoteLiteral(v.heading[d]!))).join(', ')})`,
    )
    .join(', ');
  const allCells = header.map((_, i) => `coalesce(trim(${q(cellName(i))}), '')`).join(` || `);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${q(cellsTable)} AS
    WITH headings(h, ${HEADING_DIMENSIONS.join(', ')}) AS (VALUES ${headings}),
    lines AS (
      SELECT r.*, ${mapping.expression('r')} AS _line, unnest([${layout.values.map((v) => `{'h': ${v.index}, 'v': nullif(trim(r.${q(cellName(v.index))}), '')}`).join(', ')}]) AS cell
      FROM ${q(rawTable)} AS r ${mapping.join('r')}
      WHERE (${allCells}) <> ''
    )
    SELECT r._line AS line, ${dimension('region')} AS region, ${dimension('year')} AS year,
           ${dimension('age')} AS age, ${dimension('sex')} AS sex,
           ${dimension('contents')} AS contents,
           ${layout.others.length ? `[${layout.others.map((o) => `coalesce(trim(r.${q(cellName(o.index))}), '')`).join(', ')}]` : '[]::VARCHAR[]'} AS others,
           r.cell.v AS v
    FROM lines AS r JOIN headings AS h ON h.h = r.cell.h`);
  const dataLines =
    Number(
      (await db.one<{ n: bigint }>(`SELECT count(DISTINCT line) AS n FROM ${q(cellsTable)}`))!.n,
    ) + structural;

  // Labels in the order the file first shows them, so messages and tie-breaks follow the file.
  const firstSeen = async (sql: string) =>
    (
      await db.rows<{ label: string | null }>(
        `SELECT ${sql} AS label FROM ${q(cellsTable)} GROUP BY 1 ORDER BY min(line), 1`,
      )
    ).map((r) => r.label);
  const labelsOf = async (sql: string) =>
    (await firstSeen(sql)).filter((l): l is string => l !== null);

  // Regions: municipalities are read; the country and counties are counted and left out.
  const regions = await labelsOf('region');
  const judged = regions.map((label) => ({ label, region: regionOf(label, names) }));
  const kept = judged.filter(
    (j) => j.region.level === 'municipality' || j.region.level === 'unknown',
  );
  const left = judged.filter((j) => j.region.level === 'country' || j.region.level === 'county');
  if (!kept.length) {
    throw refuse(
      displayName,
      scbMessages.noMunicipality(regions.slice(0, 5)),
      header,
      scbMessages.selectMunicipalities(),
    );
  }
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${q(regionsTable)} AS SELECT * FROM (VALUES ${kept
      .map(
        (k) =>
          `(${quoteLiteral(k.label)}, ${quoteLiteral(k.region.level === 'municipality' ? k.region.code : k.label)})`,
      )
      .join(', ')}) AS t(label, code)`,
  );

  // Ages: per municipality and year, the categories that tile 20–64 (or a contiguous
  // part of it). A PxWeb table has the same ages everywhere; a hand-edited one may not.
  if (!present(layout, 'age')) {
    throw refuse(displayName, scbMessages.noAgeDimension(), header);
  }
  // The ages each municipality-year holds, grouped once; each distinct set is judged once.
  await db.run(`CREATE OR REPLACE TEMP TABLE ${q(agesTable)} AS
    SELECT region, year, to_json(ages)::VARCHAR AS key, ages FROM (
      SELECT region, year, list(DISTINCT age ORDER BY age) FILTER (WHERE age IS NOT NULL) AS ages
      FROM ${q(cellsTable)} WHERE region IN (SELECT label FROM ${q(regionsTable)}) GROUP BY region, year)`);
  const ageSets = await db.rows<{ key: string; ages: string[] }>(
    `SELECT key, any_value(ages) AS ages FROM ${q(agesTable)} GROUP BY key`,
  );
  const plan: string[] = [];
  const partial = new Set<string>();
  for (const set of ageSets) {
    const cover = coverAges(set.ages.map((label) => ({ label, age: ageOf(label) })));
    if (!cover.ok) throw refuse(displayName, cover.reason, header);
    if (cover.from !== 20 || cover.to !== 64) partial.add(spanText(cover.from, cover.to));
    for (const label of cover.labels)
      plan.push(
        `(${quoteLiteral(set.key)}, ${quoteLiteral(label)}, ${cover.from}, ${cover.to}, ${cover.labels.length})`,
      );
  }
  if (partial.size) {
    warnings.push(ingestWarnings.partialAges([...partial]).en);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ${q(agesTable)} AS
    WITH plan(key, age, age_from, age_to, n) AS (VALUES ${plan.join(', ')})
    SELECT c.region, c.year, p.age, p.age_from, p.age_to, p.n
    FROM ${q(agesTable)} AS c JOIN plan AS p ON p.key = c.key`);

  const filters: string[] = [];
  let cellsPerAge = 1;
  if (present(layout, 'sex')) {
    const sexes = valuesOf(chooseSex(await labelsOf('sex')), displayName, header, warnings);
    filters.push(`c.sex IN (${inList(sexes)})`);
    cellsPerAge *= sexes.length;
  }
  const contents = await labelsOf('contents');
  if (contents.length) {
    const chosen = valuesOf(chooseContents(contents), displayName, header, warnings);
    filters.push(`c.contents IN (${inList(chosen)})`);
  }
  for (const [i, other] of layout.others.entries()) {
    const chosen = valuesOf(
      chooseOther(other.name, await labelsOf(`others[${i + 1}]`)),
      displayName,
      header,
      warnings,
    );
    filters.push(`c.others[${i + 1}] IN (${inList(chosen)})`);
    cellsPerAge *= chosen.length;
  }
  const chosenCells = `FROM ${q(cellsTable)} AS c JOIN ${q(agesTable)} AS a ON a.region = c.region AND a.year IS NOT DISTINCT FROM c.year AND a.age = c.age
    ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}`;

  const counts = (await db.one<{
    ignored: bigint;
    all: bigint;
    chosen: bigint;
    missing: bigint;
  }>(`SELECT
      (SELECT count(DISTINCT line) FROM ${q(cellsTable)} WHERE region IN (${left.length ? inList(left.map((l) => l.label)) : 'NULL'})) AS ignored,
      (SELECT count(*) FROM ${q(cellsTable)} WHERE region IN (SELECT label FROM ${q(regionsTable)})) AS all,
      (SELECT count(*) ${chosenCells}) AS chosen,
      (SELECT count(*) FILTER (WHERE c.v IN (${inList(MISSING)})) ${chosenCells}) AS missing`))!;
  const unused = Number(counts.all) - Number(counts.chosen);
  if (Number(counts.ignored)) warnings.push(ingestWarnings.regionsLeftOut(counts.ignored).en);
  if (unused) warnings.push(ingestWarnings.cellsNotAdded(unused).en);
  if (Number(counts.missing)) warnings.push(ingestWarnings.missingCells(counts.missing).en);

  // One row per municipality and year: the sum of exactly the chosen cells, else the
  // cell that is no number (rejected by the contract's rule), or what is missing.
  const number = numberOf('c.v');
  const expected = `any_value(a.n) * ${cellsPerAge}`;
  const sql = `SELECT
      m.code AS municipality_code,
      c.year AS year,
      CASE WHEN count(*) = ${expected} AND bool_and(${number} IS NOT NULL) THEN sum(${number})::VARCHAR
           WHEN bool_and(${number} IS NOT NULL) THEN count(*) || ' of the ' || ${expected} || ' cells of ages ' || any_value(a.age_from) || '–' || any_value(a.age_to) || ' (a cell is missing or twice)'
           ELSE min(coalesce(c.v, '(empty)')) FILTER (WHERE ${number} IS NULL) END AS population_20_64,
      any_value(a.age_from)::VARCHAR AS age_from,
      any_value(a.age_to)::VARCHAR AS age_to,
      -- the line of the cell that is no number, so the reject points at it
      coalesce(min(c.line) FILTER (WHERE ${number} IS NULL), min(c.line)) AS _line
    ${chosenCells.replace(`FROM ${q(cellsTable)} AS c`, `FROM ${q(cellsTable)} AS c JOIN ${q(regionsTable)} AS m ON m.label = c.region`)}
    GROUP BY m.code, c.year
    ORDER BY _line, c.year`;
  return { sql, lines: { from: 'column' }, format: 'scb', warnings, rowsRead: dataLines, cleanup };
}
