export { RouteTable, type AvailableModel, type RouteDefinition, type RouteTableOptions } from './route-table.js';
export { UnknownModelError } from './unknown-model-error.js';
