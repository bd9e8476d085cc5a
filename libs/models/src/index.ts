export { computeCostUsd, type ComputeCostOptions, type CostResult } from './compute-cost.js';
export { DEFAULT_MODEL_CATALOG } from './default-model-catalog.js';
export { ModelCatalog } from './model-catalog.js';
export {
  ModelCatalogEntrySchema,
  ModelPricesSchema,
  type ModelCatalogEntry,
  type ModelPrices,
} from './model-catalog-entry.js';
export { ModelCatalogOverrideSchema, type ModelCatalogOverride } from './model-catalog-override.js';
export { UnknownModelError } from './unknown-model-error.js';
