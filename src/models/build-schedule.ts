// When, during a build, each data test runs and each row-level model's table is dropped:
// a test runs right after the last model it reads is built (before the first model when
// it reads none), and a row-level model (materialized: view, published as a view, not
// copied) is dropped from the build catalog as soon as every model and test that reads
// it is done, so that at 10 million registrations they do not all sit in memory at once.
// An inline model (build: inline) is a view while building, dropped the same way: what it
// reads is kept until its own last reader is done.
import type { DataTest } from './data-tests.ts';
import { namesReadBy, type ModelFile } from './model-files.ts';

export interface BuildStep {
  model: ModelFile;
  /** Data tests whose inputs are complete once this model is built. */
  tests: DataTest[];
  /** Row-level models no later step reads. */
  drop: ModelFile[];
  /** The inline models whose SQL runs inside this model (through other inline models too). */
  runsInline: ModelFile[];
}

export interface BuildSchedule {
  /** Data tests that read no model. */
  testsFirst: DataTest[];
  steps: BuildStep[];
}

export function buildSchedule(order: ModelFile[], tests: DataTest[]): BuildSchedule {
  const position = new Map(order.map((model, index) => [model.name, index]));
  const names = order.map((model) => model.name);
  // the step after which each test runs (-1: before the first)
  const testReads = tests.map((test) => namesReadBy(test.sql, names));
  const testStep = testReads.map((reads) =>
    Math.max(-1, ...reads.map((name) => position.get(name)!)),
  );
  const lastUse = new Map(order.map((model, index) => [model.name, index]));
  const byName = new Map(order.map((model) => [model.name, model]));
  // reading an inline model (a view while building) reads what it reads, at that step
  const runsInline = (reads: string[]): ModelFile[] => {
    const found = new Set<ModelFile>();
    const walk = (names: string[]) => {
      for (const read of names.map((name) => byName.get(name)!)) {
        if (read.inline && !found.has(read)) {
          found.add(read);
          walk(read.dependsOn);
        }
      }
    };
    walk(reads);
    return [...found];
  };
  const used = (reads: string[], step: number): void => {
    for (const name of [...reads, ...runsInline(reads).flatMap((m) => m.dependsOn)]) {
      lastUse.set(name, Math.max(lastUse.get(name)!, step));
    }
  };
  for (const [index, model] of order.entries()) used(model.dependsOn, index);
  for (const [t, reads] of testReads.entries()) used(reads, testStep[t]!);
  return {
    testsFirst: tests.filter((_, t) => testStep[t] === -1),
    steps: order.map((model, index) => ({
      model,
      tests: tests.filter((_, t) => testStep[t] === index),
      drop: order
        .filter((m) => m.materialized === 'view' && lastUse.get(m.name) === index)
        // the views first, then the tables they read
        .sort((a, b) => Number(b.inline) - Number(a.inline)),
      runsInline: runsInline(model.dependsOn),
    })),
  };
}
