/** Latin-1 supplement names, U+00A0 to U+00FF in order (HTML 4 / 5). */
const LATIN_1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro ' +
  'para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil ' +
  'Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave ' +
  'Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml ' +
  'igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

const OTHER_NAMES: Readonly<Record<string, number>> = {
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402,
  circ: 710, tilde: 732, ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207, ndash: 8211,
  mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220, rdquo: 8221, bdquo: 8222, dagger: 8224, Dagger: 8225,
  bull: 8226, hellip: 8230, permil: 8240, prime: 8242, Prime: 8243, lsaquo: 8249, rsaquo: 8250, euro: 8364, trade: 8482,
  larr: 8592, uarr: 8593, rarr: 8594, darr: 8595, harr: 8596, rArr: 8658, hArr: 8660, minus: 8722, infin: 8734,
  asymp: 8776, ne: 8800, le: 8804, ge: 8805, check: 10003, Delta: 916, Sigma: 931, Omega: 937, alpha: 945, beta: 946,
  gamma: 947, delta: 948, epsilon: 949, lambda: 955, mu: 956, pi: 960, sigma: 963, omega: 969,
};

const CODE_POINTS_BY_NAME: ReadonlyMap<string, number> = new Map([
  ...LATIN_1_NAMES.map((name, index) => [name, 0xa0 + index] as const),
  ...Object.entries(OTHER_NAMES),
]);

/** Names browsers also accept without the closing semicolon (the common legacy ones). */
const LEGACY_NAMES = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}))(;?)/g;

/**
 * Text with character references decoded: numeric ones always, named ones from the common
 * set (Latin-1, typography, arrows, a few Greek letters). Unknown names stay as written, and
 * invalid code points become U+FFFD, as browsers do.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, decimal: string | undefined, hex: string | undefined, name: string | undefined, semicolon: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    if (name === undefined) return match;
    const codePoint = CODE_POINTS_BY_NAME.get(name);
    if (codePoint === undefined || (semicolon === '' && !LEGACY_NAMES.has(name))) return match;
    return String.fromCodePoint(codePoint);
  });
}

function fromCodePoint(codePoint: number): string {
  const invalid = codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff);
  return String.fromCodePoint(invalid ? 0xfffd : codePoint);
}
