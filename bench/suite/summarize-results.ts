/** What the summary keeps of one benchmark's Markdown result. */
export interface ResultDigest {
  readonly file: string;
  readonly title: string;
  /** The line saying when and on which machine it ran (the first line after the title that names a date). */
  readonly ranOn: string;
  /** Goal lines (`- ✅ …` / `- ❌ …`), as written. */
  readonly goals: readonly string[];
}

const DATE = /\d{4}-\d{2}-\d{2}/;

/** Reads a benchmark's Markdown result: its title, when and where it ran, and its goal lines. */
export function digestResult(file: string, markdown: string): ResultDigest {
  const lines = markdown.split('\n');
  const title = (lines.find((line) => line.startsWith('# ')) ?? `# ${file}`).slice(2).trim();
  const ranOn = lines.find((line) => !line.startsWith('#') && DATE.test(line))?.trim() ?? 'date not recorded';
  const goals = lines.filter((line) => /^- (✅|❌)/u.test(line)).map((line) => line.slice(2).trim());
  return { file, title, ranOn, goals };
}

/** One outcome of this suite run, to show beside the results. */
export interface SuiteRunOutcome {
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'not run';
  readonly seconds?: number;
  readonly error?: string;
}

/** The suite summary (bench/results/SUMMARY.md): each result's date, machine and goals, and this run's outcomes. */
export function renderSummary(digests: readonly ResultDigest[], outcomes: readonly SuiteRunOutcome[], generatedAt: string): string {
  const met = digests.flatMap((digest) => digest.goals).filter((goal) => goal.startsWith('✅')).length;
  const missed = digests.flatMap((digest) => digest.goals).filter((goal) => goal.startsWith('❌')).length;
  const lines = [
    '# Benchmark summary',
    '',
    `Written ${generatedAt} by \`npm run bench\` from the results in this directory (${digests.length} results; goals stated in them: ${met} met, ${missed} not met).`,
    'Each result says the machine and load it ran with; figures from different dates are not comparable on a shared machine.',
    '',
  ];
  if (outcomes.length > 0) {
    lines.push('## This run', '', '| benchmark | status | seconds |', '| --- | --- | ---: |');
    for (const outcome of outcomes) {
      const status = outcome.error === undefined ? outcome.status : `${outcome.status}: ${outcome.error.replaceAll('|', '\\|')}`;
      lines.push(`| ${outcome.name} | ${status} | ${outcome.seconds === undefined ? '' : outcome.seconds.toFixed(0)} |`);
    }
    lines.push('');
  }
  lines.push('## Results', '');
  for (const digest of digests) {
    lines.push(`### ${digest.title} (\`${digest.file}\`)`, '', digest.ranOn, '');
    if (digest.goals.length > 0) lines.push(...digest.goals.map((goal) => `- ${goal}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
