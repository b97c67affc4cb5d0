# One image for the api, the worker and the one-shot migrate service.

# What `npm ci` needs, gathered from the whole checkout (root manifest and
# lock, every workspace's package.json and bin files) so that a new workspace
# is never left out of the image, and the install layer below is rebuilt only
# when these files change.
FROM node:20-bookworm-slim AS install-files
WORKDIR /checkout
COPY . .
RUN node scripts/docker/collect-install-files.mjs /checkout /install-files

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app

COPY --from=install-files /install-files/ ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .

USER node
EXPOSE 3000
# tsx runs the TypeScript sources as they are: there is no build step.
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
