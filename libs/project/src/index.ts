export { projectRoot } from './project-root.js';
export { freePort } from './free-port.js';
export { binaryRuns, findBinary, spawnServer, waitUntilReady, type BinaryLocation, type BinaryLookup, type ServerReadiness, type SpawnedServer } from './local-server.js';
