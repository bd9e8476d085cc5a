export { createApiApp, type CreateApiAppOptions } from './create-api-app.js';
