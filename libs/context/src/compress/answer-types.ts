import { FACT, type FactKind } from './fact-features.js';

const CUES: readonly (readonly [RegExp, readonly FactKind[]])[] = [
  [/\bhow much\b|\bcost|\bprice|\bfees?\b|\bcharge|\bpay\b|\bamount\b|\bdeposit\b|\bsalary\b|\bdeductible\b|\bbudget\b|\bper diem\b|\baward\b|\bguidance\b|\brevenue\b/i, ['money']],
  [/\bhow many\b|\bnumber of\b|\bhow much\b|\blimit\b|\bminimum\b|\bmaximum\b|\bgpa\b|\bversion\b|\bcode\b/i, ['number']],
  [/\bhow long\b|\bhow often\b|\bhow soon\b|\bhow much (?:notice|time)\b|\blead time\b|\bvalid\b|\bexpire|\bretain|\binterval\b|\bperiod\b|\bwarranty\b|\bdays?\b|\bweeks?\b|\bmonths?\b/i, ['duration']],
  [/\bwhen\b|\bdate\b|\bdeadline\b|\buntil\b|\bwhich day\b|\bschedule/i, ['date']],
  [/\bwhat time\b|\bcutoff\b|\bcut-off\b|\bhours\b|\bcheck-in\b|\bopen\b/i, ['time']],
  [/\bpercent|\bmargin\b|\brate\b|\bapr\b|\buptime\b|\bgrow|\bgrowth\b|\bcapacity\b|\bcredit\b/i, ['percent']],
  [/\bwho\b|\bwhom\b|\bwhose\b|\bwhich (?:doctor|engineer|physician|person|speaker|cardiologist|specialist)\b/i, ['name']],
  [/\bwhere\b|\baddress\b|\blocation\b|\bwhich room\b|\bin which room\b|\bship\b/i, ['place', 'name']],
  [/\bsay\b|\bsaid\b|\bquote\b|\bin (?:the|his|her) words\b|\broot cause\b/i, ['quote']],
];

/** The kinds of fact a question asks for, as `FACT` bits, from its wording ("how much" → money, "who" → name, …). */
export function answerTypes(question: string): number {
  let mask = 0;
  for (const [cue, kinds] of CUES) if (cue.test(question)) for (const kind of kinds) mask |= FACT[kind];
  return mask;
}
