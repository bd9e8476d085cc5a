#!/bin/sh
# Creates Ballast's namespace and registers its search attributes (BallastTenant, ...), so the
# API can start workflows with them before any worker has run. Safe to run at every `up`.
set -eu

: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}"
RETENTION="${TEMPORAL_NAMESPACE_RETENTION:-168h}"

until temporal operator cluster health --address "$TEMPORAL_ADDRESS" | grep -q SERVING; do
  echo "waiting for temporal at $TEMPORAL_ADDRESS"
  sleep 2
done

if ! temporal operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
  temporal operator namespace create --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" --retention "$RETENTION"
fi

# Keep in step with libs/contracts/src/search-attributes.ts (the worker also adds missing ones at start).
existing=$(temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE")
for attribute in BallastTenant:Keyword BallastUser:Keyword BallastModel:Keyword BallastRoute:Keyword BallastStatus:Keyword BallastCostUsd:Double; do
  name=${attribute%%:*}
  type=${attribute##*:}
  if ! echo "$existing" | grep -qw "$name"; then
    temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" --name "$name" --type "$type"
  fi
done
echo "namespace $TEMPORAL_NAMESPACE ready"
