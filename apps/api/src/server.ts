/** Starts the API: load config, build the app, prepare the database, listen; shut down gracefully. */
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap/bootstrap.ts';
import { signInsNotice } from './bootstrap/sign-ins.ts';

const started = Date.now();
const config = loadConfig();
const app = await buildApp(config);
const report = await bootstrap(app.database.db, config, app.log);
await app.listen({ host: config.host, port: config.port });
if (config.jobs.enabled) app.jobs.start();

app.log.info(`ThiĐua ready on http://localhost:${config.port} (${app.database.engine}) in ${Date.now() - started} ms`);
const signIns = signInsNotice(config.dataDir, report.printed);
if (signIns.length) console.log(['', ...signIns, ''].join('\n'));

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  });
}
