import { readFileSync } from 'node:fs';
import { loadTokenizer, type Tokenizer } from '#libs/rag';
import { analyzeChunk, ChunkAnalysisCache, type ChunkAnalysis } from '../compress/analyze-chunk.js';
import { fnv1a } from '../shared/fnv1a.js';
import { AWKWARD_CHARACTERS, MULTILINGUAL_SAMPLES, randomText, seededRandom } from '../testing/awkward-text.js';
import { linesOf, sentenceBags } from '../testing/sentence-view.js';
import { decodeAnalysis, sameAnalysis } from './analysis-codec.js';
import { CHUNK_ANALYSIS_VERSION, parseChunkProfile, profileChunk, textFingerprint } from './chunk-profile.js';

const fixture = JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')) as { context: string[] }[];
const chunks = fixture.flatMap((item) => item.context);

// The analysis as plain data, for readable differences.
const plain = (analysis: ChunkAnalysis) => ({ lines: linesOf(analysis), bags: sentenceBags(analysis), estimate: analysis.estimate });

/** The analysis a profile holds for `text`, decoded, and the one computed. */
function bothAnalyses(text: string) {
  const profile = parseChunkProfile(profileChunk(text, []), text);
  const computed = analyzeChunk(text, new ChunkAnalysisCache(0));
  return { profile, computed, decoded: profile?.analysis === undefined ? undefined : decodeAnalysis(text, profile.analysis) };
}

describe('chunk profiles', () => {
  let tokenizers: Tokenizer[];
  beforeAll(async () => {
    // One after the other: Jest's module loader trips over two encodings imported at once.
    tokenizers = [await loadTokenizer('o200k_base'), await loadTokenizer('cl100k_base')];
  });

  it('record the count in each encoding and an analysis, in one line', () => {
    const text = chunks[0] ?? '';
    const serialized = profileChunk(text, tokenizers);
    expect(serialized).not.toContain('\n');
    expect(serialized.startsWith(`cp1 ${text.length} ${textFingerprint(text)} o200k_base=`)).toBe(true);
    const profile = parseChunkProfile(serialized, text);
    expect(profile?.tokens).toEqual({ o200k_base: tokenizers[0]?.countTokens(text), cl100k_base: tokenizers[1]?.countTokens(text) });
    expect(profile?.analysis).toBeDefined();
    expect(parseChunkProfile(profileChunk(text, []), text)?.tokens).toEqual({});
  });

  it('belong to their text only, and are ignored when unreadable', () => {
    const text = chunks[1] ?? '';
    const serialized = profileChunk(text, tokenizers);
    expect(parseChunkProfile(serialized, `${text} `)).toBeUndefined();
    expect(parseChunkProfile(serialized, `x${text.slice(1)}`)).toBeUndefined();
    for (const damaged of [undefined, '', 'cp1', 'cp2 1 2 -', '{"v":1}', serialized.slice(0, 12), serialized.replace('o200k_base=', 'o300k_base=')]) {
      expect(parseChunkProfile(damaged, text)).toBeUndefined();
    }
  });

  it('keep their counts but not an analysis of another version', () => {
    const text = chunks[2] ?? '';
    const serialized = profileChunk(text, tokenizers).replace(` a${CHUNK_ANALYSIS_VERSION} `, ` a${CHUNK_ANALYSIS_VERSION + 1} `);
    const profile = parseChunkProfile(serialized, text);
    expect(profile?.tokens.o200k_base).toBe(tokenizers[0]?.countTokens(text));
    expect(profile?.analysis).toBeUndefined();
  });

  it('hold exactly the analysis computed from the text, for every fixture chunk', () => {
    for (const chunk of chunks) {
      const { decoded, computed } = bothAnalyses(chunk);
      expect(decoded).toBeDefined();
      if (decoded === undefined) continue;
      expect({ chunk, analysis: plain(decoded) }).toEqual({ chunk, analysis: plain(computed) });
      expect(sameAnalysis(decoded, computed)).toBe(true);
    }
  });

  it('do so for other scripts, code, collapsed whitespace and 2,000 random texts of awkward characters', () => {
    const random = seededRandom(27_112_027);
    const texts = [
      ...MULTILINGUAL_SAMPLES,
      '  Leading and trailing spaces.  \n\tTabbed\tline with  double  spaces.\r\nWindows line.\u00a0No-break.\n\n\n',
      ...Array.from({ length: 2_000 }, () => randomText(random, [...AWKWARD_CHARACTERS, ' $12.50 ', ' 14 days. ', ' Dr. Okafor ', '\n## Billing\n', ' | '], 20 + Math.floor(random() * 300))),
    ];
    const missing: string[] = [];
    const different: string[] = [];
    for (const text of texts) {
      const { decoded, computed } = bothAnalyses(text);
      if (decoded === undefined) missing.push(text);
      else if (!sameAnalysis(decoded, computed)) different.push(text);
    }
    expect(different).toEqual([]);
    // A profile leaves its analysis out only when it cannot write it down exactly; none of these needs to.
    expect(missing).toEqual([]);
  });

  it('fall back to analysing the text when the recorded analysis does not fit it', () => {
    const text = chunks[3] ?? '';
    const profile = parseChunkProfile(profileChunk(text, []), text);
    const analysis = profile?.analysis;
    expect(analysis).toBeDefined();
    if (analysis === undefined) return;
    const computed = analyzeChunk(text, new ChunkAnalysisCache(0));
    for (const damaged of [{ ...analysis, data: analysis.data.slice(0, -3) }, { ...analysis, data: `${analysis.data}A` }, { ...analysis, data: 'B' }, { ...analysis, data: analysis.data.replace(/^./, 'é') }]) {
      expect(() => decodeAnalysis(text, damaged)).toThrow(RangeError);
      expect(sameAnalysis(analyzeChunk(text, new ChunkAnalysisCache(0), damaged), computed)).toBe(true);
    }
  });

  // If this fails, what `analyzeChunk` computes has changed: stored analyses no longer match it.
  // Bump CHUNK_ANALYSIS_VERSION (stored ones are then ignored and the chunks analysed as before)
  // and set the digest and version below to the new ones.
  it('pins the analysis of the fixture to CHUNK_ANALYSIS_VERSION', () => {
    const digest = fnv1a(chunks.map((chunk) => profileChunk(chunk, [])).join('\n')) >>> 0;
    expect({ version: CHUNK_ANALYSIS_VERSION, digest }).toEqual({ version: 1, digest: EXPECTED_DIGEST });
  });
});

const EXPECTED_DIGEST = 2_380_011_507;
