import { createRequire } from 'node:module';
import { defaultPayloadConverter } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils.js';

/**
 * Workflow histories ↔ the JSON that `temporal workflow show --output json` prints and the
 * Web UI downloads.
 *
 * Why not `historyToJSON` / `historyFromJSON` from `@temporalio/common`: they pair a message
 * type from `@temporalio/proto`'s copy of protobufjs with `protojson` from `@temporalio/common`'s
 * own copy, and protojson's `instanceof Type` check fails across copies ("type must be a
 * Type"). npm installs separate copies whenever the hoisted protobufjs is another major (here
 * 7.x for @grpc/proto-loader). Taking protojson from the copy `@temporalio/proto` resolves
 * works in every layout.
 */

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

interface HistoryMessageClass {
  fromObject(object: unknown): History;
}

interface ProtoRoot {
  temporal: { api: { history: { v1: { History: HistoryMessageClass } } } };
}

let loaded: { protojson: ProtoJson; historyType: unknown; History: HistoryMessageClass } | undefined;

function protobuf() {
  if (loaded) return loaded;
  const protoEntry = createRequire(import.meta.url).resolve('@temporalio/proto');
  const requireBesideProto = createRequire(protoEntry);
  const root = requireBesideProto(protoEntry) as ProtoRoot;
  const { patchProtobufRoot } = requireBesideProto('@temporalio/proto/lib/patch-protobuf-root') as {
    patchProtobufRoot<T>(root: T): T & { lookupType(name: string): unknown };
  };
  loaded = {
    protojson: requireBesideProto('protobufjs/ext/protojson') as ProtoJson,
    historyType: patchProtobufRoot(root).lookupType('temporal.api.history.v1.History'),
    History: root.temporal.api.history.v1.History,
  };
  return loaded;
}

/** A history as pretty-printed proto JSON (stable key order, one field per line: reviewable diffs). */
export function historyToJson(history: History): string {
  const { protojson, historyType, History: HistoryClass } = protobuf();
  return JSON.stringify(protojson.toJson(historyType, HistoryClass.fromObject(history)), null, 2) + '\n';
}

/** Parses a history file's JSON; unknown fields (a newer server's) are ignored. */
export function historyFromJson(json: unknown): History {
  const { protojson, historyType } = protobuf();
  return protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History;
}

/** The first argument the workflow was started with, decoded (histories do not store the workflow id). */
export function workflowStartInput(history: History): unknown {
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return payload ? defaultPayloadConverter.fromPayload(payload) : undefined;
}
