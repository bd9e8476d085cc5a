import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The three reports of a run, as `GET /v1/evals/:id` returns them. */
export interface EvalReports {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
}

/** Writes `<suite>.json`, `.md` and `.html` into `directory`; answers their paths. */
export async function writeReports(directory: string, suite: string, reports: EvalReports): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const files: Array<[string, string]> = [
    [join(directory, `${suite}.json`), reports.json],
    [join(directory, `${suite}.md`), reports.markdown],
    [join(directory, `${suite}.html`), reports.html],
  ];
  await Promise.all(files.map(([path, text]) => writeFile(path, text)));
  return files.map(([path]) => path);
}
