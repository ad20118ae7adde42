// The messages of long work on a terminal: the progress line (stage, done of total, rate,
// time left) and the one line printed when the work is stopped with Ctrl-C (what was
// finished, that nothing is left half done, and that the same command continues).
import { type Text, text } from './message.ts';

/** A number as each language writes it: sv 1 234,5 and en 1,234.5 (at most `decimals` decimals). */
function number(value: number, decimals = 0): Text {
  const format = (locale: string) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(value);
  return { en: format('en-GB'), sv: format('sv-SE') };
}

/** The stage of the work the line is about, with what is counted. */
const COUNTED = {
  files: text('loading files', 'läser in filer'),
  models: text('building models', 'bygger modeller'),
  charts: text('drawing charts', 'ritar diagram'),
};

export const PROGRESS_TEXTS = {
  /** "building models: 12 of 36" */
  counted: (unit: 'files' | 'models' | 'charts', done: number, total: number): Text => {
    const what = COUNTED[unit] ?? COUNTED.files;
    const [d, t] = [number(done), number(total)];
    return text(`${what.en}: ${d.en} of ${t.en}`, `${what.sv}: ${d.sv} av ${t.sv}`);
  },
  /** "loading results.csv (file 12 of 12): 45 %" */
  fileRows: (file: string, index: number, files: number, percent: number): Text => {
    const [i, n, p] = [number(index), number(files), number(percent)];
    return text(
      `loading ${file} (file ${i.en} of ${n.en}): ${p.en}%`,
      `läser in ${file} (fil ${i.sv} av ${n.sv}): ${p.sv} %`,
    );
  },
  /** "8 per s": whole numbers from 10, one decimal below. */
  rate: (perSecond: number): Text => {
    const r = number(perSecond, perSecond >= 10 ? 0 : 1);
    return text(`${r.en}/s`, `${r.sv} per s`);
  },
  /** "about 3 s left", in minutes from a minute. */
  left: (seconds: number): Text => {
    const s = Math.max(1, Math.ceil(seconds));
    if (s < 60) return text(`about ${s} s left`, `cirka ${s} s kvar`);
    const m = number(Math.ceil(s / 60));
    return text(`about ${m.en} min left`, `cirka ${m.sv} min kvar`);
  },
};

/** What each stop says last: how to go on. */
const AGAIN = {
  continues: text(
    'Run the same command again to continue; files already loaded (same content) are skipped',
    'Kör samma kommando igen så fortsätter det; filer som redan är inlästa (med samma innehåll) hoppas över',
  ),
  build: text(
    'Run the same command again to build them',
    'Kör samma kommando igen för att bygga dem',
  ),
  report: text(
    'Run the same command again to write it',
    'Kör samma kommando igen för att skriva den',
  ),
};

const NO_HALF_FILE = text(
  'No file is half loaded: each file loads whole or not at all',
  'Ingen fil är halvt inläst: varje fil läses in helt eller inte alls',
);

const NO_HALF_REPORT = text(
  'No half-written report is left; an earlier report is as it was',
  'Ingen halvskriven rapport finns kvar; en tidigare rapport är orörd',
);

const sentences = (...parts: Text[]): Text =>
  text(parts.map((p) => `${p.en}.`).join(' '), parts.map((p) => `${p.sv}.`).join(' '));

/** "3 of 12 files are done" */
function filesDone(done: number, total: number): Text {
  const [d, t] = [number(done), number(total)];
  return text(`${d.en} of ${t.en} files are done`, `${d.sv} av ${t.sv} filer är klara`);
}

/** "(12 of 36 were built; nothing is kept until all are, so the database keeps the models it had)" */
function modelsNotBuilt(done: number | null, total: number | null): Text {
  const kept = text(
    'nothing of a build is kept until all its models are built, so the database keeps the models it had',
    'inget av ett bygge sparas förrän alla modeller är byggda, så databasen har kvar de modeller den hade',
  );
  if (done === null || total === null)
    return text(`the models were not built (${kept.en})`, `modellerna byggdes inte (${kept.sv})`);
  const [d, t] = [number(done), number(total)];
  return text(
    `the models were not built (${d.en} of ${t.en} were ready, but ${kept.en})`,
    `modellerna byggdes inte (${d.sv} av ${t.sv} var klara, men ${kept.sv})`,
  );
}

function reportNotWritten(done: number | null, total: number | null): Text {
  if (done === null || total === null)
    return text('the report was not written', 'rapporten skrevs inte');
  const [d, t] = [number(done), number(total)];
  return text(
    `the report was not written (${d.en} of ${t.en} charts were drawn)`,
    `rapporten skrevs inte (${d.sv} av ${t.sv} diagram var ritade)`,
  );
}

const STOPPED = text('Stopped', 'Avbrutet');

const stopped = (what: Text): Text =>
  text(`${STOPPED.en}: ${what.en}`, `${STOPPED.sv}: ${what.sv}`);

/** The one line after Ctrl-C (or SIGTERM), per command and the stage it was in. */
export const STOPPED_TEXTS = {
  /** Stopped before the work had begun changing anything. */
  beforeAnything: sentences(
    text('Stopped before anything changed', 'Avbrutet innan något ändrades'),
    text('Run the same command again to start', 'Kör samma kommando igen för att börja'),
  ),
  ingest: (done: number, total: number): Text =>
    sentences(stopped(filesDone(done, total)), NO_HALF_FILE, AGAIN.continues),
  build: (done: number | null, total: number | null): Text =>
    sentences(stopped(modelsNotBuilt(done, total)), AGAIN.build),
  report: (done: number | null, total: number | null): Text =>
    sentences(stopped(reportNotWritten(done, total)), NO_HALF_REPORT, AGAIN.report),
  /** larsam run, stopped in its ingest. */
  runIngest: (done: number, total: number): Text => {
    const files = filesDone(done, total);
    return sentences(
      stopped(
        text(
          `${files.en}; the models were not built and the report was not written`,
          `${files.sv}; modellerna byggdes inte och rapporten skrevs inte`,
        ),
      ),
      NO_HALF_FILE,
      AGAIN.continues,
    );
  },
  /** larsam run, stopped while it built the models (every file was done). */
  runBuild: (files: number, done: number | null, total: number | null): Text => {
    const f = number(files);
    const models = modelsNotBuilt(done, total);
    return sentences(
      stopped(
        text(
          `all ${f.en} files are done, but ${models.en} and the report was not written`,
          `alla ${f.sv} filer är klara, men ${models.sv} och rapporten skrevs inte`,
        ),
      ),
      AGAIN.continues,
    );
  },
  /** larsam run, stopped while it wrote the report. */
  runReport: (done: number | null, total: number | null): Text => {
    const report = reportNotWritten(done, total);
    return sentences(
      stopped(
        text(
          `the files are loaded and the models built, but ${report.en}`,
          `filerna är inlästa och modellerna byggda, men ${report.sv}`,
        ),
      ),
      NO_HALF_REPORT,
      AGAIN.continues,
    );
  },
};
