// The build order and schedule on a hand-made graph: a before b, c reads the row-level
// model r, a data test runs right after the last model it reads, and a row-level model
// is dropped right after its last reader (model or test), never before.
import { describe, expect, it } from 'vitest';
import { buildOrder, type ModelFile } from '../../src/models/model-files.ts';
import { buildSchedule } from '../../src/models/build-schedule.ts';
import type { DataTest } from '../../src/models/data-tests.ts';

const model = (
  name: string,
  dependsOn: string[],
  materialized: 'table' | 'view' = 'table',
  inline = false,
): ModelFile => ({
  name,
  file: `sql/x/${name}.sql`,
  sql: '',
  dependsOn,
  description: '',
  materialized,
  inline,
});
const test = (name: string, sql: string) => ({ name, sql }) as unknown as DataTest;

describe('build order', () => {
  it('puts every model after what it reads, and a reader of a held row-level model first', () => {
    const models = [
      model('z_mart', ['r_rows', 'a_small']),
      model('r_rows', [], 'view'),
      model('a_small', []),
      model('b_other', []),
    ];
    // ready at first: a_small, b_other, r_rows (by name); after r_rows is built, z_mart
    // (which reads it) goes before b_other.
    expect(buildOrder(models).map((m) => m.name)).toEqual([
      'a_small',
      'b_other',
      'r_rows',
      'z_mart',
    ]);
    const models2 = [
      model('z_mart', ['r_rows']),
      model('r_rows', [], 'view'),
      model('y_table', []),
    ];
    expect(buildOrder(models2).map((m) => m.name)).toEqual(['r_rows', 'z_mart', 'y_table']);
  });
  it('puts the last reader of a row-level model before other readers, so that it can be dropped', () => {
    // after r1 and r2 (which reads r1): z_last is the last reader of r1, while a_one and
    // b_two both read r2; by name alone a_one would come next
    const models = [
      model('r1', [], 'view'),
      model('r2', ['r1'], 'view'),
      model('z_last', ['r1']),
      model('a_one', ['r2']),
      model('b_two', ['r2']),
    ];
    expect(buildOrder(models).map((m) => m.name)).toEqual(['r1', 'r2', 'z_last', 'a_one', 'b_two']);
  });
  it('refuses models that read each other in a circle', () => {
    expect(() => buildOrder([model('a', ['b']), model('b', ['a'])])).toThrow(/circle: a → b → a/);
  });
});

describe('build schedule', () => {
  const order = [
    model('r_rows', [], 'view'),
    model('m1', ['r_rows']),
    model('m2', []),
    model('t_table', ['m2']),
  ];
  const schedule = buildSchedule(order, [
    test('raw_only', 'SELECT * FROM raw_registrations'),
    test('reads_rows_and_m2', 'SELECT * FROM r_rows JOIN m2 USING (k) -- not t_table'),
  ]);
  it('runs a data test after the last model it reads, or first when it reads none', () => {
    expect(schedule.testsFirst.map((t) => t.name)).toEqual(['raw_only']);
    expect(schedule.steps.map((s) => s.tests.map((t) => t.name))).toEqual([
      [],
      [],
      ['reads_rows_and_m2'],
      [],
    ]);
  });
  it('drops a row-level model after its last reader, and never a table model', () => {
    expect(schedule.steps.map((s) => s.drop.map((m) => m.name))).toEqual([[], [], ['r_rows'], []]);
  });
});

describe('build schedule with an inline model', () => {
  // i_view is a view while building: it reads r_rows only when its reader m_late is built,
  // so r_rows must stay until then, though no stored model reads it after i_view
  const order = [
    model('r_rows', [], 'view'),
    model('i_view', ['r_rows'], 'view', true),
    model('m_other', []),
    model('m_late', ['i_view']),
  ];
  const schedule = buildSchedule(order, []);
  it('keeps what an inline model reads until its reader is built, then drops both', () => {
    expect(schedule.steps.map((s) => s.drop.map((m) => m.name))).toEqual([
      [],
      [],
      [],
      ['i_view', 'r_rows'],
    ]);
  });
  it('tells which step runs an inline model inside it', () => {
    expect(schedule.steps.map((s) => s.runsInline.map((m) => m.name))).toEqual([
      [],
      [],
      [],
      ['i_view'],
    ]);
  });
});
