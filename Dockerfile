# Ballast: one image for the API and the worker.
#
#   docker build -t ballast .
#   docker run ballast                                   # API on :8080 (needs config, see docker-compose.yml)
#   docker run ballast node dist/apps/worker/src/main.js # worker
#
# The build stage compiles TypeScript and prebuilds the workflow bundle
# (dist/workflow-bundle.js), which workers load instead of running webpack at start.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Native modules (Temporal's core bridge, SQLite, LanceDB) install prebuilt binaries; a
# compiler is the fallback for a platform without one.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY activities ./activities
COPY workflows/src ./workflows/src
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -f dist/.tsbuildinfo

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    BALLAST_ENV=production \
    BALLAST_HOST=0.0.0.0 \
    BALLAST_PORT=8080 \
    BALLAST_DATA_DIR=/var/lib/ballast \
    BALLAST_SIMULATOR=never
WORKDIR /app
# package.json carries the `imports` map (#libs/* → dist/...) and marks the project root.
# Application files stay owned by root: the process can read them, not change them.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/ballast /etc/ballast && chown node:node /var/lib/ballast
USER node
EXPOSE 8080
# No HEALTHCHECK here: the same image runs the worker, which serves no HTTP. The API's
# probes are /health/live and /health/ready (docker-compose.yml, the Helm chart).
CMD ["node", "dist/apps/api/src/main.js"]
