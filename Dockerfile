# One image for the api, the worker and the one-shot migrate service.
FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# Manifests first, so the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/cli/package.json apps/cli/
COPY apps/worker/package.json apps/worker/
COPY packages/config/package.json packages/config/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/queue/package.json packages/queue/
COPY apps/cli/bin apps/cli/bin
RUN npm ci --omit=dev && npm cache clean --force

COPY . .

USER node
EXPOSE 3000
# tsx runs the TypeScript sources as they are: there is no build step.
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
