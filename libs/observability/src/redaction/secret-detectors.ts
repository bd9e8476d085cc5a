import { keepGroups, type Detector } from './detector.js';

/** Characters of random API keys; a key must not start or end inside a longer run of them. */
const KEY_CHAR = 'A-Za-z0-9_-';

const hasDigit = /\d/;

/**
 * Key names whose value is a secret: the key must end in one of these (`db_password`,
 * `clientSecret`, `access_token`), so `max_tokens=` or `tokenizer=` are left alone.
 */
const SECRET_KEY_WORDS = 'passwd|password|passphrase|secret(?:[_-]?key)?|api[_-]?key|access[_-]?key|private[_-]?key|token';

/**
 * Built-in secret detectors, most specific first: a provider key inside `Bearer …` or a JWT
 * inside `token=…` is named for what it is, and the generic detectors after it then see only
 * the `[REDACTED:…]` token, which none of them takes for a secret.
 */
export const SECRET_DETECTORS: readonly Detector[] = [
  {
    name: 'private-key',
    mayMatch: (text) => text.includes('-----BEGIN'),
    // A block cut off before its END line (a truncated log) is redacted to the end of the text.
    pattern: /-----BEGIN (?<label>[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?(?:-----END \k<label>-----|$)/g,
  },
  {
    name: 'url-password',
    mayMatch: (text) => text.includes('://'),
    // scheme://user:password@host keeps scheme, user and host. The password runs to the last
    // `@` before the host, since unencoded `@` in passwords is common in connection strings.
    pattern: /(?<keep>:\/\/[^\s:@/?#]{1,256}:)(?<secret>[^\s/?#]{1,256})@/g,
    replace: (match, token) => `${match.groups?.['keep'] ?? ''}${token}@`,
  },
  {
    name: 'jwt',
    mayMatch: (text) => text.includes('eyJ'),
    // Header and payload are base64url JSON (`{"` encodes to `eyJ`); an unsigned token has an empty signature.
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  },
  {
    name: 'anthropic-key',
    mayMatch: (text) => text.includes('sk-ant-'),
    pattern: new RegExp(`(?<![${KEY_CHAR}])sk-ant-[${KEY_CHAR}]{20,}`, 'g'),
  },
  {
    name: 'ballast-key',
    mayMatch: (text) => text.includes('sk-ballast-'),
    // Short on purpose: the development key `sk-ballast-dev-0000` must not show up in logs either.
    pattern: new RegExp(`(?<![${KEY_CHAR}])sk-ballast-[${KEY_CHAR}]{4,}`, 'g'),
  },
  {
    name: 'openai-key',
    mayMatch: (text) => text.includes('sk-'),
    pattern: new RegExp(`(?<![${KEY_CHAR}])sk-(?:proj-|svcacct-|admin-)?[${KEY_CHAR}]{20,}`, 'g'),
  },
  {
    name: 'stripe-key',
    mayMatch: (text) => text.includes('_live_'),
    pattern: /(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{16,}/g,
  },
  {
    name: 'aws-access-key-id',
    mayMatch: (text) => text.includes('AKIA') || text.includes('ASIA'),
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  },
  {
    name: 'aws-secret-access-key',
    mayMatch: (text) => /access_?key/i.test(text),
    pattern: /(?<keep>secret_?access_?key["']?\s*[=:]\s*["']?)(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    replace: keepGroups,
  },
  {
    name: 'github-token',
    mayMatch: (text) => /gh[pousr]_|github_pat_/.test(text),
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g,
  },
  {
    name: 'slack-token',
    mayMatch: (text) => text.includes('xox'),
    pattern: /(?<![A-Za-z0-9-])xox[abpr]-[A-Za-z0-9-]{10,}/g,
  },
  {
    name: 'google-api-key',
    mayMatch: (text) => text.includes('AIza'),
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
  },
  {
    name: 'bearer-token',
    mayMatch: (text) => text.includes('earer') || text.includes('EARER'),
    pattern: /(?<keep>(?<![A-Za-z])bearer\s+)(?<secret>[A-Za-z0-9._~+/-]{8,}=*)/gi,
    // "the bearer instrument" is prose: a token has a digit, or is longer than English words get.
    replace: (match, token) => {
      const secret = match.groups?.['secret'] ?? '';
      return hasDigit.test(secret) || secret.length >= 24 ? keepGroups(match, token) : undefined;
    },
  },
  {
    name: 'key-value-secret',
    mayMatch: (text) => text.includes('=') || text.includes(':'),
    // The match starts at the `=` or `:` and looks back for the key: separators are rare in
    // prose, key words ("token", "secret") are not, so the regex engine tries far fewer places.
    // A quoted value may hold spaces; an unquoted one ends at whitespace or a delimiter. A value
    // that is already a `[REDACTED:…]` token (an AWS secret, say) is left alone.
    pattern: new RegExp(
      String.raw`(?<keep>[=:](?<=(?:${SECRET_KEY_WORDS})["']?\s*[=:])\s*)(?!["']?\[REDACTED:)` +
        String.raw`(?<secret>"(?:[^"\
]|\.){1,512}"|'[^'
]{1,512}'|[^\s"'&,;)}\]]{1,512})`,
      'gi',
    ),
    replace: (match, token) => {
      const { keep = '', secret = '' } = match.groups ?? {};
      const quoted = secret.startsWith('"') || secret.startsWith("'");
      if (quoted) return `${keep}${secret[0]}${token}${secret[0]}`;
      return isAssignedSecret(keep, secret) ? `${keep}${token}` : undefined;
    },
  },
];

/**
 * Whether an unquoted value after a secret-named key is the secret. `PASSWORD=x` and
 * `?token=x` (no spaces after the `=`) always are. With spaces or a colon it may be code or prose
 * (`const apiKey = provider.apiKey`, `CHARACTERS_PER_TOKEN = 4`, "the next token: the"), so the
 * value must look generated: at least 6 characters mixing letters and digits.
 */
function isAssignedSecret(keep: string, secret: string): boolean {
  if (keep === '=') return true;
  return secret.length >= 6 && hasDigit.test(secret) && /[A-Za-z]/.test(secret);
}
