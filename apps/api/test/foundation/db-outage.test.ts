/**
 * A real database outage and the recovery after it (QUALITY.md "Database down → 503 problem+json
 * within a second, /health/ready false; recovers by itself"). The app reaches PostgreSQL through a
 * TCP relay this file controls, so the outage is on the wire, as a restart or a network fault
 * would be: every open connection is cut, then new ones are refused (server down) or accepted and
 * never answered (server hung). Then the link comes back and the same app, not restarted, serves
 * again. PostgreSQL only: the embedded database has no connection to cut (health.test.ts covers
 * its closing).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestApp, DEMO, onPostgres, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

/** The pool waits up to 10 s for a free connection; a failing database must answer well before that. */
const WELL_BEFORE_THE_POOL_WAIT_MS = 5000;

/** A TCP relay to PostgreSQL that can be cut: `down` resets every connection, `hung` accepts and stays silent. */
class Link {
  mode: 'up' | 'down' | 'hung' = 'up';
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      this.track(client);
      client.on('error', () => undefined);
      if (this.mode === 'down') return void client.destroy();
      if (this.mode === 'hung') return;
      const upstream = this.track(net.connect(this.target.port, this.target.host));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
  }

  private track(socket: net.Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    return socket;
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  /** Cuts every open connection and answers new ones as `mode` says. */
  cut(mode: 'down' | 'hung') {
    this.mode = mode;
    for (const s of this.sockets) s.destroy();
  }

  restore() {
    this.mode = 'up';
    for (const s of this.sockets) s.destroy(); // the silent ones of the hung phase
  }

  async close() {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe.runIf(onPostgres)('a PostgreSQL outage', () => {
  let t: TestApp;
  let link: Link;
  let token: string;

  beforeAll(async () => {
    const server = new URL(inject('pgAdminUrl'));
    link = new Link({ host: server.hostname, port: Number(server.port || 5432) });
    const port = await link.listen();
    t = await createTestApp({}, { postgresThrough: { host: '127.0.0.1', port } });
    token = await t.auth(DEMO.secretariat);
  });
  afterAll(async () => {
    link.restore();
    await t?.close();
    await link?.close();
  });

  /** Answers the request and how long it took. */
  async function timed<T>(request: () => Promise<T>): Promise<{ res: T; ms: number }> {
    const started = performance.now();
    const res = await request();
    return { res, ms: performance.now() - started };
  }

  it('works through the link before the outage', async () => {
    link.restore();
    expect((await t.http().get('/api/v1/units').set('authorization', token)).status).toBe(200);
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });

  it('server down: reads, writes and sign-in answer 503 problem+json at once, readiness is false', async () => {
    link.cut('down');
    const read = await timed(() => t.http().get('/api/v1/units').set('authorization', token));
    expectProblem(read.res, 503, 'service.unavailable');
    expect(Number(read.res.headers['retry-after'])).toBeGreaterThan(0);
    expect(read.ms).toBeLessThan(WELL_BEFORE_THE_POOL_WAIT_MS);
    const write = await t
      .http()
      .post('/api/v1/people')
      .set('authorization', token)
      .send({ unitId: await unitIdOf(), fullName: 'Không lưu được' });
    expectProblem(write, 503, 'service.unavailable');
    const login = await t.http().post('/api/v1/auth/login').send({ email: DEMO.leader, password: 'ThiDua@2022' });
    expectProblem(login, 503, 'service.unavailable');
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', database: false });
  });

  it('server hung (connections accepted, never answered): 503 after the one-second connect bound, not the pool wait', async () => {
    link.cut('hung');
    const read = await timed(() => t.http().get('/api/v1/units').set('authorization', token));
    expectProblem(read.res, 503, 'service.unavailable');
    expect(read.ms).toBeLessThan(WELL_BEFORE_THE_POOL_WAIT_MS);
    expect((await t.http().get('/health/ready')).status).toBe(503);
  });

  it('recovers by itself once the server is back: the next requests succeed without a restart', async () => {
    link.restore();
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    const read = await t.http().get('/api/v1/units').set('authorization', token);
    expect(read.status, read.text).toBe(200);
    const created = await t
      .http()
      .post('/api/v1/people')
      .set('authorization', token)
      .send({ unitId: await unitIdOf(), fullName: 'Nguyễn Thị Phục Hồi' });
    expect(created.status, created.text).toBe(201);
  });

  let unitId: string | undefined;
  /** The commune's id, read while the database is up and kept for the outage. */
  async function unitIdOf() {
    unitId ??= await t.unitId('XA-THACHHAI');
    return unitId;
  }
  beforeAll(async () => {
    await unitIdOf();
  });
});
