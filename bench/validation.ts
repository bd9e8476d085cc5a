/**
 * Answer validation benchmark: the fast, judge-free checks of `#libs/validation`.
 *
 *   node dist/bench/validation.js [--runs 600] [--no-write]
 *
 * 1. Claim support, on the labelled eval set (libs/validation/src/__fixtures__/validation-eval.json:
 *    168 answers, 533 labelled claims; `tune` items were looked at while tuning, `holdout` items
 *    only measure): every labelled claim text is scored against its item's sources. Positives are
 *    the unsupported claims. Precision/recall per split with only `unsupported` verdicts flagging
 *    (what acts without a judge) and, as the most a judge confirming every flag could reach, with
 *    `uncertain` flagging too; recall per error type; false-positive rate on correct claims.
 * 2. Claim extraction: the share of labelled claims that `extractClaims` on the whole answer
 *    finds (an extracted claim sharing ≥ 80% of the longer one's words).
 * 3. Whole answers: `validateAnswer` verdicts, and how often an answer with a wrong claim is
 *    flagged (at least one unsupported claim).
 * 4. The judge's band: how many claims the fast checks leave undecided (what a configured judge
 *    is asked about) and how many answers would need a judge call. No with-judge figure: that
 *    needs a real judge model (none offline; the simulator only replays scripted replies, so a
 *    judge run against it would measure the script). The ceiling of a judge right on every
 *    undecided claim is given as a bound, not a measurement.
 * 5. Speed: `validateAnswer` per answer, cold (the first pass over all answers in a fresh
 *    process, before anything else ran) and warm, on the answers as labelled and with every
 *    answer's sources padded to 8 sources of ≥ 150 words; the same-run baseline is one
 *    `splitSentences` pass over the answer and its sources.
 * Prints JSON; writes bench/results/validation.{json,md} unless --no-write.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { projectRoot } from '#libs/project';
import { splitSentences } from '#libs/rag';
import {
  CLAIM_ERRORS,
  extractionCoverage,
  falsePositiveRates,
  FLAG_NOT_SUPPORTED,
  FLAG_UNSUPPORTED,
  isUndecided,
  JUDGE_MAX_SCORE,
  JUDGE_MIN_SCORE,
  parseValidationEvalSet,
  predictLabelledClaims,
  recallByError,
  sourceAttribution,
  summarizeDetection,
  SUPPORTED_MIN_SCORE,
  UNSUPPORTED_MAX_SCORE,
  validateAnswer,
  type ClaimError,
  type ClaimPrediction,
  type DetectionSummary,
  type ExtractionCoverage,
  type FlagRule,
  type GroundednessVerdict,
  type ValidationEvalItem,
  type ValidationSource,
} from '#libs/validation';
import { summarize, type LatencySummary } from './latency-stats.js';
import { machineInfo, type MachineInfo } from './machine-info.js';

const GOAL = { precision: 0.9, recall: 0.8, p99Ms: 20, sources: 8, sourceWords: 150 };
/** The default `validation.judge.maxClaims`. */
const JUDGE_MAX_CLAIMS = 8;
/** A judge right on every undecided claim; the fast verdict elsewhere. A bound, not a judge. */
const FLAG_PERFECT_JUDGE: FlagRule = (prediction) => (isUndecided(prediction.score) ? !prediction.supported : prediction.verdict === 'unsupported');
const WARMUP_PASSES = 5;
const BEST_OF = 5;
const SPLITS = ['tune', 'holdout', 'all'] as const;
type Split = (typeof SPLITS)[number];

/** Claim-level quality on one split. */
interface QualityRow {
  readonly split: Split;
  readonly items: number;
  /** Only `unsupported` flags: the fast path alone. */
  readonly withoutJudge: DetectionSummary;
  /** `uncertain` flags too: the ceiling for a judge that confirms every flag (not a measured judge). */
  readonly uncertainFlagged: DetectionSummary;
  readonly recallByError: Record<ClaimError, { claims: number; caught: number; recall: number }>;
  readonly recallByErrorUncertainFlagged: Record<ClaimError, { claims: number; caught: number; recall: number }>;
  readonly falsePositives: ReturnType<typeof falsePositiveRates>;
  readonly sourceAttribution: ReturnType<typeof sourceAttribution>;
  readonly extraction: Omit<ExtractionCoverage, 'missed'>;
  /** Labelled claims in the judge's band, how many of them are wrong, and the bound of a judge right on all of them. */
  readonly judgeBand: { readonly claims: number; readonly undecided: number; readonly undecidedUnsupported: number; readonly perfectJudgeCeiling: DetectionSummary };
}

/** Whole-answer results on one split. */
interface AnswerRow {
  readonly split: Split;
  readonly answers: number;
  readonly verdicts: Readonly<Record<GroundednessVerdict, number>>;
  /** Answers with a labelled wrong claim, and how many got at least one `unsupported` claim. */
  readonly answersWithWrongClaim: number;
  readonly flaggedOfThose: number;
  /** Answers whose claims are all correct, and how many got an `unsupported` claim anyway. */
  readonly correctAnswers: number;
  readonly flaggedCorrect: number;
  readonly meanGroundedness: number;
  /** Answers with at least one undecided claim (a judge call each when a judge is configured), and the claims they would send (at most `JUDGE_MAX_CLAIMS` each). */
  readonly judgeCalls: number;
  readonly judgeClaims: number;
  /** Citation checks: valid, and the invalid ones by why: no such source, the source alone does not support the claim, or cannot decide. */
  readonly citations: { readonly checked: number; readonly valid: number; readonly missingSource: number; readonly unsupported: number; readonly uncertain: number };
}

interface TimingRow {
  readonly label: string;
  readonly wallMs: LatencySummary;
  readonly cpuMs: LatencySummary;
}

interface ValidationBenchResult {
  readonly benchmark: 'validation';
  readonly machine: MachineInfo & { readonly loadAverage: { readonly start: number; readonly end: number } };
  readonly evalSet: { readonly items: number; readonly tune: number; readonly holdout: number; readonly claims: number; readonly unsupported: number };
  readonly thresholds: { readonly supportedMinScore: number; readonly unsupportedMaxScore: number; readonly judgeBand: readonly [number, number] };
  readonly quality: readonly QualityRow[];
  readonly answers: readonly AnswerRow[];
  readonly speed: {
    readonly runs: number;
    readonly warmupPasses: number;
    readonly answerSentences: { readonly max: number; readonly mean: number };
    readonly padded: { readonly sources: number; readonly meanSourceWords: number };
    readonly timing: readonly TimingRow[];
  };
  readonly goals: typeof GOAL & { readonly met: Readonly<Record<string, boolean>> };
  readonly notes: readonly string[];
}

function fixturePath(): string {
  return join(projectRoot(), 'libs', 'validation', 'src', '__fixtures__', 'validation-eval.json');
}

function loadItems(): ValidationEvalItem[] {
  const path = fixturePath();
  if (!existsSync(path)) throw new Error(`the validation eval set is not there yet: ${path}`);
  return parseValidationEvalSet(JSON.parse(readFileSync(path, 'utf8'))).items;
}

function inSplit(items: readonly ValidationEvalItem[], split: Split): ValidationEvalItem[] {
  return split === 'all' ? [...items] : items.filter((item) => item.split === split);
}

function sourcesOf(item: ValidationEvalItem): ValidationSource[] {
  return item.sources.map((source) => ({ id: source.id, title: source.title, text: source.text }));
}

function measureQuality(items: readonly ValidationEvalItem[]): QualityRow[] {
  const predictions = new Map<string, ClaimPrediction[]>(items.map((item) => [item.id, predictLabelledClaims(item)]));
  return SPLITS.map((split) => {
    const chosen = inSplit(items, split);
    const claims = chosen.flatMap((item) => predictions.get(item.id) ?? []);
    const { missed: _missed, ...extraction } = extractionCoverage(chosen);
    const undecided = claims.filter((claim) => isUndecided(claim.score));
    return {
      split,
      items: chosen.length,
      withoutJudge: summarizeDetection(claims, FLAG_UNSUPPORTED),
      uncertainFlagged: summarizeDetection(claims, FLAG_NOT_SUPPORTED),
      recallByError: recallByError(claims, FLAG_UNSUPPORTED),
      recallByErrorUncertainFlagged: recallByError(claims, FLAG_NOT_SUPPORTED),
      falsePositives: falsePositiveRates(claims, FLAG_UNSUPPORTED),
      sourceAttribution: sourceAttribution(claims),
      extraction,
      judgeBand: { claims: claims.length, undecided: undecided.length, undecidedUnsupported: undecided.filter((claim) => !claim.supported).length, perfectJudgeCeiling: summarizeDetection(claims, FLAG_PERFECT_JUDGE) },
    };
  });
}

function measureAnswers(items: readonly ValidationEvalItem[]): AnswerRow[] {
  const results = new Map(items.map((item) => [item.id, validateAnswer({ answer: item.answer, sources: sourcesOf(item) })]));
  return SPLITS.map((split) => {
    const chosen = inSplit(items, split);
    const verdicts: Record<GroundednessVerdict, number> = { grounded: 0, 'partially-grounded': 0, ungrounded: 0, 'no-claims': 0 };
    let answersWithWrongClaim = 0;
    let flaggedOfThose = 0;
    let flaggedCorrect = 0;
    let groundedness = 0;
    let judgeCalls = 0;
    let judgeClaims = 0;
    const citations = { checked: 0, valid: 0, missingSource: 0, unsupported: 0, uncertain: 0 };
    for (const item of chosen) {
      const result = results.get(item.id);
      if (result === undefined) continue;
      verdicts[result.verdict] += 1;
      groundedness += result.groundedness;
      const undecided = result.claims.filter((claim) => isUndecided(claim.score)).length;
      if (undecided > 0) judgeCalls += 1;
      judgeClaims += Math.min(undecided, JUDGE_MAX_CLAIMS);
      const wrong = item.claims.some((claim) => !claim.supported);
      const flagged = result.unsupportedClaims > 0;
      if (wrong) answersWithWrongClaim += 1;
      if (wrong && flagged) flaggedOfThose += 1;
      if (!wrong && flagged) flaggedCorrect += 1;
      for (const citation of result.citations) {
        citations.checked += 1;
        if (citation.valid) citations.valid += 1;
        else if (citation.sourceId === null) citations.missingSource += 1;
        else if (citation.support === 'unsupported') citations.unsupported += 1;
        else citations.uncertain += 1;
      }
    }
    return {
      split,
      answers: chosen.length,
      verdicts,
      answersWithWrongClaim,
      flaggedOfThose,
      correctAnswers: chosen.length - answersWithWrongClaim,
      flaggedCorrect,
      meanGroundedness: Math.round((groundedness / Math.max(chosen.length, 1)) * 1000) / 1000,
      judgeCalls,
      judgeClaims,
      citations,
    };
  });
}

/** Every source of every answer grown to ≥ `GOAL.sourceWords` words and 8 sources, with text of other domains (deterministic). */
function padItems(items: readonly ValidationEvalItem[]): { answer: string; sources: ValidationSource[] }[] {
  const pool = items.flatMap((item) => item.sources.map((source) => ({ domain: item.domain, text: source.text })));
  return items.map((item, itemIndex) => {
    let cursor = (itemIndex * 37) % pool.length;
    const filler = (): string => {
      for (;;) {
        const next = pool[cursor % pool.length];
        cursor += 1;
        if (next !== undefined && next.domain !== item.domain) return next.text;
      }
    };
    const grow = (text: string): string => {
      let grown = text;
      while (grown.split(/\s+/).length < GOAL.sourceWords) grown = `${grown} ${filler()}`;
      return grown;
    };
    const sources: ValidationSource[] = item.sources.map((source) => ({ id: source.id, title: source.title, text: grow(source.text) }));
    while (sources.length < GOAL.sources) sources.push({ id: `pad-${sources.length + 1}`, text: grow(filler()) });
    return { answer: item.answer, sources };
  });
}

type Job = { readonly answer: string; readonly sources: readonly ValidationSource[] };

function timeJobs(label: string, jobs: readonly Job[], samples: number, warmupPasses: number, work: (job: Job) => unknown): TimingRow {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let pass = 0; pass < warmupPasses; pass += 1) for (const job of jobs) work(job);
  for (let run = 0; run < samples; run += 1) {
    const job = jobs[run % jobs.length] as Job;
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    work(job);
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpuStart);
    wall.push(elapsed);
    cpu.push((used.user + used.system) / 1000);
  }
  return { label, wallMs: summarize(wall), cpuMs: summarize(cpu) };
}

/** Each answer timed `repeats` times and its fastest kept: its own cost, with most of the other processes' interference removed. */
function timeBestOfRepeats(label: string, jobs: readonly Job[], repeats: number, work: (job: Job) => unknown): TimingRow {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const job of jobs) {
    let bestWall = Infinity;
    let bestCpu = Infinity;
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      work(job);
      bestWall = Math.min(bestWall, performance.now() - started);
      const used = process.cpuUsage(cpuStart);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
    }
    wall.push(bestWall);
    cpu.push(bestCpu);
  }
  return { label, wallMs: summarize(wall), cpuMs: summarize(cpu) };
}

const validate = (job: Job): unknown => validateAnswer({ answer: job.answer, sources: job.sources });
const splitOnly = (job: Job): unknown => [splitSentences(job.answer), ...job.sources.map((source) => splitSentences(source.text))];

/** Runs the benchmark and returns its result document. */
export function runValidationBenchmark(runs: number): ValidationBenchResult {
  const loadStart = loadavg()[0] ?? 0;
  const items = loadItems();
  const labelled: Job[] = items.map((item) => ({ answer: item.answer, sources: sourcesOf(item) }));
  const padded = padItems(items);

  // Cold first: nothing of the validator has run in this process yet.
  const cold = timeJobs(`validateAnswer, cold: first pass over the ${padded.length} answers with ${GOAL.sources} sources of ≥ ${GOAL.sourceWords} words, fresh process`, padded, padded.length, 0, validate);
  const timing = [
    cold,
    timeJobs(`validateAnswer, warm: ${GOAL.sources} sources of ≥ ${GOAL.sourceWords} words per answer`, padded, runs, WARMUP_PASSES, validate),
    timeBestOfRepeats(`validateAnswer, warm, fastest of ${BEST_OF} runs of each answer: ${GOAL.sources} sources of ≥ ${GOAL.sourceWords} words`, padded, BEST_OF, validate),
    timeJobs('validateAnswer, warm: answers with their labelled sources (2–4 sources of ~46 words)', labelled, runs, WARMUP_PASSES, validate),
    timeJobs(`baseline: splitSentences over the answer and its ${GOAL.sources} padded sources`, padded, runs, WARMUP_PASSES, splitOnly),
  ];

  const quality = measureQuality(items);
  const answers = measureAnswers(items);
  const byName = (split: Split): QualityRow | undefined => quality.find((row) => row.split === split);
  const [, warmPadded] = timing;
  const percent = (value: number | undefined): string => `${((value ?? 0) * 100).toFixed(1)}%`;
  const met: Record<string, boolean> = {};
  for (const split of ['holdout', 'tune', 'all'] as const) {
    const row = byName(split)?.withoutJudge;
    met[`precision ≥ ${GOAL.precision} without judge, ${split} (${percent(row?.precision)})`] = (row?.precision ?? 0) >= GOAL.precision;
    met[`recall ≥ ${GOAL.recall} without judge, ${split} (${percent(row?.recall)})`] = (row?.recall ?? 0) >= GOAL.recall;
  }
  met[`p99 ≤ ${GOAL.p99Ms} ms per answer over ${GOAL.sources} sources, warm (${warmPadded?.wallMs.p99} ms wall, ${warmPadded?.cpuMs.p99} ms CPU)`] = (warmPadded?.wallMs.p99 ?? Infinity) <= GOAL.p99Ms;
  met[`p99 ≤ ${GOAL.p99Ms} ms per answer over ${GOAL.sources} sources, cold (${cold.wallMs.p99} ms wall, ${cold.cpuMs.p99} ms CPU)`] = cold.wallMs.p99 <= GOAL.p99Ms;

  const sentenceCounts = items.map((item) => splitSentences(item.answer).length);
  const claims = items.flatMap((item) => item.claims);
  return {
    benchmark: 'validation' as const,
    machine: { ...machineInfo(), loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 } },
    evalSet: {
      items: items.length,
      tune: items.filter((item) => item.split === 'tune').length,
      holdout: items.filter((item) => item.split === 'holdout').length,
      claims: claims.length,
      unsupported: claims.filter((claim) => !claim.supported).length,
    },
    thresholds: { supportedMinScore: SUPPORTED_MIN_SCORE, unsupportedMaxScore: UNSUPPORTED_MAX_SCORE, judgeBand: [JUDGE_MIN_SCORE, JUDGE_MAX_SCORE] },
    quality,
    answers,
    speed: {
      runs,
      warmupPasses: WARMUP_PASSES,
      answerSentences: { max: Math.max(...sentenceCounts), mean: Math.round((sentenceCounts.reduce((sum, count) => sum + count, 0) / sentenceCounts.length) * 10) / 10 },
      padded: { sources: GOAL.sources, meanSourceWords: Math.round(padded.flatMap((job) => job.sources).reduce((sum, source) => sum + source.text.split(/\s+/).length, 0) / (padded.length * GOAL.sources)) },
      timing,
    },
    goals: { ...GOAL, met },
    notes: [
      'Thresholds and checks were tuned on the tune split only (126 items, 402 claims); no holdout item (42 items, 131 claims, other source bundles) was looked at. First round: holdout first scored when the tuning was frozen (precision 66.7%, recall 59.6%), 65.1% / 59.6% after speed work.',
      'Second round (with the judge wiring): rules fitted on the tune split (a swapped "X but not Y", a negation in the neighbouring sentence that gives part of the claim, two cases of one sentence mixed, clause-level figure alignment, synonyms) took tune to 89.0% / 85.4%, but holdout, scored once with them frozen, fell to 55.8% / 61.7% (false positives 15 → 23). They were dropped as a package, without a per-rule holdout ablation; only changes that can only clear a flag were kept (country adjectives, "a year earlier", a negated claim about what "but not" leaves out), checked against a made-up set of 52 correct paraphrases (not eval items). That keep/drop decision was taken after seeing the holdout score, so holdout is not entirely untouched; no per-item holdout result was looked at. Holdout is the honest figure: most remaining errors need inference a lexical check does not make.',
      'Positives are the labelled unsupported claims. "Without judge" flags only `unsupported` verdicts. "Uncertain flagged" also flags `uncertain` ones: the ceiling of a judge that would confirm every flag and clear nothing, not a measured judge.',
      'The judge is wired (routes.<r>.validation.judge; activity judgeClaims, charged through the spend ledger) and its behaviour is tested end to end against the simulator with scripted verdicts, but its accuracy is not measured: that needs a real judge model, and none is reachable offline. Running the bench with the simulator as the judge would only replay the verdicts scripted for it. The perfect-judge columns are an upper bound for the band, not a judge.',
      'Claim support is measured on the labelled claim texts (so extraction errors do not mix in); extraction is measured apart. The question is not given to the validator: claims restating the user\'s own figures ("your 10-year-old") count against it.',
      'Cold timing is the first validateAnswer of each answer in a fresh process (JIT and the shared word vocabulary cold); warm is after 5 passes; "fastest of 5" keeps each answer\'s fastest run, its own cost without most of the interference of other processes (reported beside the plain warm figure, which is the one the goal is judged on). CPU time is the process\'s (garbage collection and compiler threads included), so it can exceed wall time. The machine is shared: a load average above the core count means other processes competed for the CPU.',
      'A citation is valid when its source alone supports the claim (or supports part of a claim citing several sources); "undecided" ones are the claims the fast checks leave uncertain against that one source.',
    ],
  };
}

function renderMarkdown(result: ValidationBenchResult): string {
  const { machine, evalSet, quality, answers, speed, goals } = result;
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
  const detection = (row: DetectionSummary): string => `${percent(row.precision)} | ${percent(row.recall)} | ${row.truePositives}/${row.positives} | ${row.falsePositives} | ${row.uncertain}`;
  const lines = [
    '# Answer validation (fast checks; the judge is wired but not measured here)',
    '',
    `${machine.date} · ${machine.cpuModel} · ${machine.cores} cores · Node ${machine.node} · load average ${machine.loadAverage.start.toFixed(2)} → ${machine.loadAverage.end.toFixed(2)}`,
    '',
    `Eval set: ${evalSet.items} answers (${evalSet.tune} tune, ${evalSet.holdout} holdout), ${evalSet.claims} labelled claims, ${evalSet.unsupported} unsupported. Thresholds: supported ≥ ${result.thresholds.supportedMinScore}, unsupported < ${result.thresholds.unsupportedMaxScore}, uncertain between.`,
    '',
    'Detecting unsupported claims (positives = labelled unsupported):',
    '',
    '| split | precision | recall | caught | false positives | uncertain | precision, uncertain flagged | recall, uncertain flagged | FP rate on correct claims | refusals flagged |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...quality.map((row) => `| ${row.split} | ${detection(row.withoutJudge)} | ${percent(row.uncertainFlagged.precision)} | ${percent(row.uncertainFlagged.recall)} | ${percent(row.falsePositives.paraphrases.rate)} (${row.falsePositives.paraphrases.flagged}/${row.falsePositives.paraphrases.claims}) | ${row.falsePositives.refusals.flagged}/${row.falsePositives.refusals.claims} |`),
    '',
    'Recall per error type, without judge (uncertain flagged in brackets):',
    '',
    `| split | ${CLAIM_ERRORS.join(' | ')} |`,
    `| --- | ${CLAIM_ERRORS.map(() => '---:').join(' | ')} |`,
    ...quality.map((row) => `| ${row.split} | ${CLAIM_ERRORS.map((error) => `${row.recallByError[error].caught}/${row.recallByError[error].claims} (${row.recallByErrorUncertainFlagged[error].caught})`).join(' | ')} |`),
    '',
    'Claim extraction (labelled claims matched by an extracted claim sharing ≥ 80% of the longer one\'s words) and source attribution (supported claims called supported with the labelled source):',
    '',
    '| split | labelled claims matched | extracted claims matching | labelled claims inside an extracted one | refusals found | source attribution |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...quality.map((row) => `| ${row.split} | ${percent(row.extraction.share)} (${row.extraction.covered}/${row.extraction.labelled}) | ${row.extraction.matchedExtracted}/${row.extraction.extracted} | ${row.extraction.contained}/${row.extraction.labelled} | ${row.extraction.refusalsFound}/${row.extraction.refusalsLabelled} | ${percent(row.sourceAttribution.share)} (${row.sourceAttribution.correct}/${row.sourceAttribution.claims}) |`),
    '',
    `Judge band: claims scoring in [${result.thresholds.judgeBand[0]}, ${result.thresholds.judgeBand[1]}) are undecided and go to a configured judge (\`routes.<r>.validation.judge\`, at most ${JUDGE_MAX_CLAIMS} per answer). No with-judge precision/recall: that needs a real judge model. The last two columns are the bound of a judge right on every undecided claim, not a measurement.`,
    '',
    '| split | undecided claims | of them unsupported | answers needing a judge call | claims sent | precision, perfect judge (bound) | recall, perfect judge (bound) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...quality.map((row) => {
      const answered = answers.find((answer) => answer.split === row.split);
      return `| ${row.split} | ${row.judgeBand.undecided}/${row.judgeBand.claims} | ${row.judgeBand.undecidedUnsupported} | ${answered?.judgeCalls ?? 0}/${answered?.answers ?? 0} | ${answered?.judgeClaims ?? 0} | ${percent(row.judgeBand.perfectJudgeCeiling.precision)} | ${percent(row.judgeBand.perfectJudgeCeiling.recall)} |`;
    }),
    '',
    'Whole answers through validateAnswer:',
    '',
    '| split | grounded | partially | ungrounded | no claims | answers with a wrong claim flagged | correct answers flagged | mean groundedness | citations valid | no such source | source does not support | undecided |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...answers.map((row) => `| ${row.split} | ${row.verdicts.grounded} | ${row.verdicts['partially-grounded']} | ${row.verdicts.ungrounded} | ${row.verdicts['no-claims']} | ${row.flaggedOfThose}/${row.answersWithWrongClaim} | ${row.flaggedCorrect}/${row.correctAnswers} | ${row.meanGroundedness} | ${row.citations.valid}/${row.citations.checked} | ${row.citations.missingSource} | ${row.citations.unsupported} | ${row.citations.uncertain} |`),
    '',
    `Speed: validateAnswer per answer (answers of ≤ ${speed.answerSentences.max} sentences, mean ${speed.answerSentences.mean}; padded: ${speed.padded.sources} sources, mean ${speed.padded.meanSourceWords} words each), ${speed.runs} timed runs after ${speed.warmupPasses} warm-up passes, ms:`,
    '',
    '| variant | p50 | p99 | mean | max | CPU p50 | CPU p99 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...speed.timing.map((row) => `| ${row.label} | ${row.wallMs.p50} | ${row.wallMs.p99} | ${row.wallMs.mean} | ${row.wallMs.max} | ${row.cpuMs.p50} | ${row.cpuMs.p99} |`),
    '',
    'Goals:',
    ...Object.entries(goals.met).map(([goal, met]) => `- ${met ? '✅' : '❌'} ${goal}`),
    '',
    ...result.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines.join('\n');
}

/** Parses the command line, runs, prints JSON, writes the result files. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  const { values } = parseArgs({ args: [...argv], options: { runs: { type: 'string', default: '600' }, 'no-write': { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 200) throw new Error(`--runs must be an integer ≥ 200, got ${values.runs}`);
  const result = runValidationBenchmark(runs);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  process.stdout.write(json);
  if (values['no-write'] !== true) {
    const directory = join(projectRoot(), 'bench', 'results');
    writeFileSync(join(directory, 'validation.json'), json);
    writeFileSync(join(directory, 'validation.md'), renderMarkdown(result));
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main();
}
