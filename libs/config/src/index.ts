export * from './config-error.js';
export * from './config-schema.js';
export * from './environment-variables.js';
export * from './load-config.js';
export * from './batch-config-schema.js';
export * from './eval-config-schema.js';
export * from './ledger-usd.js';
export * from './streaming-config-schema.js';
