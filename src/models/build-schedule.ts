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
  const testStep = testReads.map((reads) => Math.max(-1, ...reads.map((name) => position.get(name)!)));
  const lastUse = new Map(order.map((model, index) => [model.name, index]));
  const byName = new Map(order.map((model) => [model.name, model]));
  // reading an inline model (a view while building) reads what it reads, at that step
  const used = (name: string, step: number): void => {
    lastUse.set(name, Math.max(lastUse.get(name)!, step));
    const model = byName.get(name)!;
    if (model.inline) model.dependsOn.forEach((read) => used(read, step));
  };
  order.forEach((model, index) => model.dependsOn.forEach((name) => used(name, index)));
  testReads.forEach((reads, t) => reads.forEach((name) => used(name, testStep[t]!)));
  return {
    testsFirst: tests.filter((_, t) => testStep[t] === -1),
    steps: order.map((model, index) => ({
      model,
      tests: tests.filter((_, t) => testStep[t] === index),
      drop: order.filter((m) => m.materialized === 'view' && lastUse.get(m.name) === index)
        // the views first, then the tables they read
        .sort((a, b) => Number(b.inline) - Number(a.inline)),
    })),
  };
}
