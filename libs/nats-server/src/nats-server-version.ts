/** The pinned NATS server, built from source by `go install` (ADR 0012: the split-deployment relay). */
export const NATS_SERVER_VERSION = 'v2.15.2';
/** The Go package `go install` builds. */
export const NATS_SERVER_GO_PACKAGE = 'github.com/nats-io/nats-server/v2';
