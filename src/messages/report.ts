// The messages of writing the report folder (src/report): an output folder that is not
// one larsam may write in.
import { type Problem, problem, text } from './message.ts';

export const REPORT_ERRORS = {
  symlink: (path: string): Problem =>
    problem(
      text(
        `${path} is a symbolic link, and larsam writes only inside the folder you named`,
        `${path} är en symbolisk länk, och larsam skriver bara i den mapp du har angett`,
      ),
      text(
        'remove the link (or name the folder it points to with --out)',
        'ta bort länken (eller ange mappen den pekar på med --out)',
      ),
    ),
  notAFolder: (path: string): Problem =>
    problem(
      text(`${path} is a file, not a folder`, `${path} är en fil, inte en mapp`),
      text(
        'move the file away or name another output folder',
        'flytta filen eller ange en annan utdatamapp',
      ),
    ),
  changed: (path: string): Problem =>
    problem(
      text(`${path} changed while larsam created it`, `${path} ändrades medan larsam skapade den`),
      text('run the command again', 'kör kommandot igen'),
    ),
};
