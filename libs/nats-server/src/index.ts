export { findNatsServer, natsServerPaths, type NatsServerLocation } from './find-nats-server.js';
export { ensureNatsServer, natsServerInstallCommand, NatsServerUnavailableError } from './install-nats-server.js';
export { startNatsServer, type NatsServerHandle, type NatsServerOptions } from './start-nats-server.js';
export { NATS_SERVER_GO_PACKAGE, NATS_SERVER_VERSION } from './nats-server-version.js';
