# kubeglance container image.
#   docker build -t kubeglance .
#   docker build --build-arg NODE_IMAGE=my-registry/node:22-slim -t kubeglance .
# NODE_IMAGE is the base of both stages: any image with node >= 20.19, npm and /bin/sh
# (the official slim image by default; deploy/test/container.sh builds one from the host).
ARG NODE_IMAGE=docker.io/library/node:lts-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
RUN npm install --global --no-fund --no-audit pnpm@10
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY shared/package.json shared/
COPY sim/package.json sim/
COPY server/package.json server/
COPY web/package.json web/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile --filter @kubeglance/server... --filter @kubeglance/web...
COPY shared/ shared/
COPY sim/ sim/
COPY server/ server/
COPY web/ web/
# The web app, then the server bundled into one ES module (npm dependencies included):
# the runtime stage needs no node_modules and no TypeScript tooling.
RUN pnpm --filter @kubeglance/web build && pnpm --filter @kubeglance/server build \
  && node -e "require('node:fs').mkdirSync('/state')"

FROM ${NODE_IMAGE}
# OCI labels: pass the real values when publishing, e.g. --build-arg VERSION=$(git describe)
# --build-arg SOURCE=https://git.example/kubeglance --build-arg LICENSES=Apache-2.0 (the
# repository declares no licence yet, hence SPDX NOASSERTION).
ARG VERSION=0.1.0
ARG SOURCE=unknown
ARG LICENSES=NOASSERTION
LABEL org.opencontainers.image.title="kubeglance" \
      org.opencontainers.image.description="Live Kubernetes resource dashboard for metrics.k8s.io" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="${LICENSES}"
WORKDIR /app
COPY --from=build /src/server/dist/ server/dist/
COPY --from=build /src/web/dist/ web/dist/
ENV NODE_ENV=production
# The listening port (the server reads PORT; --port overrides it), also used by HEALTHCHECK.
ENV PORT=8080
# A numeric non-root user, so Kubernetes' runAsNonRoot can verify it without /etc/passwd.
USER 1000:1000
EXPOSE 8080
# For --state-dir /var/lib/kubeglance (history kept across restarts): owned by the runtime
# user, so a fresh named volume mounted there is writable.
COPY --from=build --chown=1000:1000 /state/ /var/lib/kubeglance/
VOLUME ["/var/lib/kubeglance"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 and handles SIGTERM itself: it closes streams and exits 0 at once.
ENTRYPOINT ["node", "--enable-source-maps", "server/dist/main.js"]
# Binding 0.0.0.0 needs an explicit auth mode: add --auth token|proxy|none.
CMD ["--host", "0.0.0.0"]
