import { z } from 'zod';
import { DEFAULT_MODEL_CATALOG } from './default-model-catalog.js';
import { ModelCatalogEntrySchema, type ModelCatalogEntry } from './model-catalog-entry.js';
import { ModelCatalogOverrideSchema, type ModelCatalogOverride } from './model-catalog-override.js';
import { UnknownModelError } from './unknown-model-error.js';

/** Limits and prices of every model the gateway may call, looked up by id or alias. */
export class ModelCatalog {
  private readonly entries: readonly ModelCatalogEntry[];
  private readonly byIdOrAlias = new Map<string, ModelCatalogEntry>();

  /** Validates every entry; throws when an entry is invalid or two models share a name. */
  constructor(entries: readonly ModelCatalogEntry[]) {
    this.entries = entries.map((entry, index) => deepFreeze(parseEntry(entry, `model catalog entry #${index}`)));
    for (const entry of this.entries) {
      for (const name of [entry.id, ...(entry.aliases ?? [])]) {
        const holder = this.byIdOrAlias.get(name);
        if (holder !== undefined && holder !== entry) {
          throw new Error(`Model catalog: '${name}' names both '${holder.id}' and '${entry.id}'`);
        }
        this.byIdOrAlias.set(name, entry);
      }
    }
  }

  /**
   * The built-in catalog (or `base`) corrected by config. Overrides apply in order; one that
   * names a known id or alias changes only the fields it gives, any other adds a model.
   */
  static withOverrides(
    overrides: readonly ModelCatalogOverride[] = [],
    base: readonly ModelCatalogEntry[] = DEFAULT_MODEL_CATALOG,
  ): ModelCatalog {
    const merged = [...base];
    overrides.forEach((rawOverride, index) => {
      const override = parseOverride(rawOverride, index);
      const position = merged.findIndex(
        (entry) => entry.id === override.id || (entry.aliases ?? []).includes(override.id),
      );
      const known = merged[position];
      if (known === undefined) {
        merged.push(
          parseEntry(override, `model '${override.id}' is not in the catalog, so its override needs every field`),
        );
        return;
      }
      merged[position] = parseEntry(mergeOverride(known, override), `model override for '${override.id}'`);
    });
    return new ModelCatalog(merged);
  }

  /** The entry for an id or alias. Throws `UnknownModelError` listing the known ids. */
  get(idOrAlias: string): ModelCatalogEntry {
    const entry = this.find(idOrAlias);
    if (entry === undefined) throw new UnknownModelError(idOrAlias, this.entries.map((known) => known.id));
    return entry;
  }

  /** The entry for an id or alias, or undefined when the catalog does not know it. */
  find(idOrAlias: string): ModelCatalogEntry | undefined {
    return this.byIdOrAlias.get(idOrAlias.trim());
  }

  /** Every model, built-ins first in catalog order, then models added by config. */
  list(): readonly ModelCatalogEntry[] {
    return this.entries;
  }
}

type ParsedOverride = z.output<typeof ModelCatalogOverrideSchema>;

function mergeOverride(known: ModelCatalogEntry, override: ParsedOverride): unknown {
  const { pricesPerMillion, aliases, ...fields } = override;
  const aliasSet = new Set([...(known.aliases ?? []), ...(aliases ?? [])]);
  // Overriding with a dated alias must not list the canonical id as its own alias.
  aliasSet.delete(known.id);
  return {
    ...known,
    ...withoutUndefined(fields),
    // The override may have named the model by a dated alias; the canonical id stays.
    id: known.id,
    pricesPerMillion: { ...known.pricesPerMillion, ...withoutUndefined(pricesPerMillion ?? {}) },
    ...(aliasSet.size > 0 ? { aliases: [...aliasSet] } : {}),
  };
}

function parseOverride(override: unknown, index: number): ParsedOverride {
  const result = ModelCatalogOverrideSchema.safeParse(override);
  if (!result.success) {
    throw new Error(`Model catalog override #${index}: invalid\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

function parseEntry(entry: unknown, context: string): ModelCatalogEntry {
  const result = ModelCatalogEntrySchema.safeParse(entry);
  if (!result.success) throw new Error(`${context}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}
