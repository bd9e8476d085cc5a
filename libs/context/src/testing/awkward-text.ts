/**
 * Text for property tests that compare the hand-written scanners with the regexes they replaced:
 * samples of other scripts, code and opaque strings, and random strings over characters chosen
 * to hit every rule (apostrophes and their folds, line breaks in whitespace runs, numbers that
 * are not ASCII digits, astral letters, emoji, lone surrogates, marks). Test-only; not built.
 */

/** Prose in eleven languages, figures, code, a digest, base64 and emoji. */
export const MULTILINGUAL_SAMPLES: readonly string[] = [
  'Die Rückerstattung erfolgt innerhalb von vierzehn Tagen nach Eingang der Ware. Sonderangebote sind vom Umtausch ausgeschlossen.',
  'Le remboursement est effectué sous quatorze jours. L’article doit être renvoyé dans son emballage d’origine.',
  'Возврат средств производится в течение четырнадцати дней после получения товара.',
  'Ο Σωκράτης ήταν Έλληνας φιλόσοφος από την Αθήνα. ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ.',
  'يتم رد المبلغ خلال أربعة عشر يومًا من استلام المنتج.',
  'धनवापसी चौदह दिनों के भीतर की जाती है।',
  'การคืนเงินจะดำเนินการภายในสิบสี่วัน',
  '退款需要十四天。请提供订单号。我们会在三个工作日内处理您的请求。',
  '返金は14日以内に処理されます。カスタマーサポートまでご連絡ください。',
  '환불은 14일 이내에 처리됩니다. 영수증을 보관해 주세요.',
  'İSTANBUL ŞUBESİ İçin Iğdır; straße STRASSE ǅemal ﬁnal ﬀ.',
  'Order 48213-99812 totals $12,480.55 on 2024-03-15 at 14:02 UTC; ref 0x7f3a9c, SKU AB-1200-XL.',
  'sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  'aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQgZW5jb2RlZCB0ZXh0IGZvciB0ZXN0aW5n',
  '😀🎉👍 great!! 🚀🚀 ✅ done ❌ 👩‍👩‍👧 𝐁𝐨𝐥𝐝 𝔉𝔯𝔞𝔨 ①②③ ½ Ⅻ ٣٤٥',
  'export function add(left: number, right: number): number {\n  return left + right;\n}',
  '| Plan | Price |\n| --- | ---: |\n| Pro | $20/mo |\r\n\r\n  \t\n- item one\n- item two\u2028next\u00a0line',
  "It's John's; they're here, we've gone, I'm ok, you'll see, he'd say: 'tis 'TIS 'ſ 'Re 'LL ''s.",
];

/** Characters the random strings are drawn from. */
export const AWKWARD_CHARACTERS: readonly string[] = [
  'a', 'b', 's', 't', 'r', 'e', 'v', 'm', 'l', 'd', 'S', 'T', 'R', 'E', 'L', 'D', 'Q', 'z', 'x',
  '0', '1', '7', '9', '²', '٣', 'Ⅻ', '½',
  ' ', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u2028', '\u3000', '\u000b',
  "'", '’', '"', '“', '”', '.', ',', ':', ';', '!', '?', '-', '_', '/', '+', '=', '%', '$', '€', '£', '#', '|', '(', ')', '…', '—', '·', '›', '©',
  'é', 'ß', 'ſ', 'İ', 'ǅ', 'Σ', 'ς', 'ж', 'Ж', 'ع', 'क', 'ท', '中', 'の', '한', '\u0345', '\u0301', '\u200d',
  '😀', '𝐁', '𝔉', '\ud800', '\udc00',
];

/** A deterministic pseudo-random source in [0, 1) (mulberry32), so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `length` characters drawn from `alphabet`, now and then a run of one of them (long words, opaque runs, whitespace runs). */
export function randomText(random: () => number, alphabet: readonly string[], length: number): string {
  let text = '';
  while (text.length < length) {
    const character = alphabet[Math.floor(random() * alphabet.length)] ?? ' ';
    text += random() < 0.1 ? character.repeat(2 + Math.floor(random() * 20)) : character;
  }
  return text;
}
