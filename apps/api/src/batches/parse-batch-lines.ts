import { ChatCompletionRequestSchema, type ChatCompletionRequestBody } from '../chat/chat-completion-request.dto.js';

/** A line that passed every check: it becomes a chat request of the batch. */
export interface ValidBatchLine {
  /** 0-based position among the input's non-blank lines (results come back in this order). */
  readonly lineIndex: number;
  readonly customId: string;
  readonly body: ChatCompletionRequestBody;
}

/** A line that did not; the others go on without it. */
export interface InvalidBatchLine {
  readonly lineIndex: number;
  /** 1-based line number in the JSONL (or position in `requests`). */
  readonly line: number;
  readonly customId: string | null;
  readonly code: 'invalid-json' | 'missing-custom-id' | 'duplicate-custom-id' | 'unsupported-url' | 'unsupported-method' | 'invalid-body' | 'stream-not-supported' | 'unknown-model' | 'unknown-collection';
  readonly message: string;
}

export interface ParsedBatchInput {
  readonly valid: ValidBatchLine[];
  readonly invalid: InvalidBatchLine[];
  /** Lines read (blank JSONL lines are not counted). */
  readonly total: number;
}

/** Checks the caller's world knows of: models and collections (async, cached per batch). */
export interface BatchLineChecks {
  readonly isKnownModel: (model: string) => boolean;
  readonly collectionExists: (name: string) => Promise<boolean>;
}

const CUSTOM_ID_MAX = 200;

/** One raw input item with where it came from. */
interface RawItem {
  readonly line: number;
  readonly value: unknown;
  readonly jsonError?: string;
}

/** The items of an OpenAI batch input file, one per non-blank line. */
export function itemsOfJsonl(text: string): RawItem[] {
  const items: RawItem[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const source = lines[index]!.trim();
    if (source === '') continue;
    try {
      items.push({ line: index + 1, value: JSON.parse(source) as unknown });
    } catch (error) {
      items.push({ line: index + 1, value: undefined, jsonError: error instanceof Error ? error.message : String(error) });
    }
  }
  return items;
}

export function itemsOfArray(requests: readonly unknown[]): RawItem[] {
  return requests.map((value, index) => ({ line: index + 1, value }));
}

/** Validates each line alone: a bad line is reported with its number and reason, the good ones go on. */
export async function parseBatchLines(items: readonly RawItem[], checks: BatchLineChecks): Promise<ParsedBatchInput> {
  const valid: ValidBatchLine[] = [];
  const invalid: InvalidBatchLine[] = [];
  const seen = new Set<string>();
  const collections = new Map<string, Promise<boolean>>();
  for (let lineIndex = 0; lineIndex < items.length; lineIndex++) {
    const item = items[lineIndex]!;
    const reject = (code: InvalidBatchLine['code'], message: string, customId: string | null = null) => invalid.push({ lineIndex, line: item.line, customId, code, message });
    if (item.jsonError !== undefined) {
      reject('invalid-json', `line ${item.line} is not JSON: ${item.jsonError}`);
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null || Array.isArray(item.value)) {
      reject('invalid-json', `line ${item.line} must be a JSON object {custom_id, method, url, body}`);
      continue;
    }
    const record = item.value as Record<string, unknown>;
    const customId = record['custom_id'];
    if (typeof customId !== 'string' || customId.length === 0 || customId.length > CUSTOM_ID_MAX) {
      reject('missing-custom-id', `line ${item.line} needs custom_id: a string of 1–${CUSTOM_ID_MAX} characters that names it in the results`);
      continue;
    }
    if (seen.has(customId)) {
      reject('duplicate-custom-id', `custom_id '${customId}' on line ${item.line} was already used; each line needs its own`, customId);
      continue;
    }
    seen.add(customId);
    if (record['method'] !== undefined && record['method'] !== 'POST') {
      reject('unsupported-method', `line ${item.line}: method must be POST`, customId);
      continue;
    }
    if (record['url'] !== undefined && record['url'] !== '/v1/chat/completions') {
      reject('unsupported-url', `line ${item.line}: url must be /v1/chat/completions (the only batch endpoint Ballast serves)`, customId);
      continue;
    }
    const parsed = ChatCompletionRequestSchema.safeParse(record['body']);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${['body', ...issue.path.map(String)].join('.')}: ${issue.message}`);
      reject('invalid-body', `line ${item.line}: ${issues.join('; ')}`, customId);
      continue;
    }
    const body = parsed.data;
    if (body.stream) {
      reject('stream-not-supported', `line ${item.line}: batch lines cannot stream; remove stream`, customId);
      continue;
    }
    if (!checks.isKnownModel(body.model)) {
      reject('unknown-model', `line ${item.line}: unknown model '${body.model}'; GET /v1/models lists them`, customId);
      continue;
    }
    let missing: string | undefined;
    for (const name of body.ballast?.collections ?? []) {
      if (!collections.has(name)) collections.set(name, checks.collectionExists(name));
      if (!(await collections.get(name))) {
        missing = name;
        break;
      }
    }
    if (missing !== undefined) {
      reject('unknown-collection', `line ${item.line}: no collection '${missing}' for this API key's tenant`, customId);
      continue;
    }
    valid.push({ lineIndex, customId, body });
  }
  return { valid, invalid, total: items.length };
}
