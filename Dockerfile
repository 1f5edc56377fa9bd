# One image for the API (which can also serve the SPA) and a stage with the built SPA for the proxy.
# `pnpm build` compiles the API to JavaScript (apps/api/dist) and builds the SPA; the API runs with
# plain node. It reads its migrations (apps/api/drizzle) and data files from apps/api/src at run time.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contract/package.json packages/contract/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build

FROM nginx:1.27-alpine AS web
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf

FROM node:20-bookworm-slim AS api
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 SERVE_WEB=false
COPY --from=build /app /app
WORKDIR /app/apps/api
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/server.js"]
