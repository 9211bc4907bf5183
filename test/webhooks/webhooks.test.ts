import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { useWebhookNetworkForTests } from '../../src/modules/webhooks/routes.js';
import { isPublicAddress } from '../../src/modules/embeds/ssrf.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('webhooks', () => {
  let app: TestApp;
  let now = Date.UTC(2026, 10, 28, 12, 0, 0);
  let server: http.Server;
  let receiverUrl = '';
  const received: Received[] = [];
  let failuresLeft = 0;
  let adminKey = '';

  before(async () => {
    app = await startTestApp({ clock: () => now });
    adminKey = (await app.accounts.createKey({ name: 'Ops', role: 'admin' })).key;
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          res.writeHead(500).end('not now');
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  after(async () => {
    useWebhookNetworkForTests(null);
    await new Promise((resolve) => server.close(resolve));
    await app.destroy();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, key = adminKey) =>
    app.http.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  it('refuses http, loopback and private receivers in production', async () => {
    for (const url of [receiverUrl, 'https://127.0.0.1/hook', 'https://[::1]/hook', 'https://10.1.2.3/hook', 'https://169.254.169.254/latest', 'ftp://example.org/']) {
      const response = await api('POST', '/api/admin/webhooks', { url, events: ['publish'] });
      assert.equal(response.statusCode, 400, url);
      assert.equal(response.json().field, 'url');
    }
    assert.match((await api('POST', '/api/admin/webhooks', { url: 'https://10.1.2.3/hook' })).json().error, /private or local/u);
    assert.match((await api('POST', '/api/admin/webhooks', { url: receiverUrl })).json().error, /Only https/u);
    assert.equal(isPublicAddress('93.184.216.34'), true);
    assert.equal(isPublicAddress('::ffff:10.0.0.1'), false);
  });

  it('lets only administrators manage webhooks', async () => {
    const editor = (await app.accounts.createKey({ name: 'Desk', role: 'editor' })).key;
    assert.equal((await api('GET', '/api/admin/webhooks', undefined, editor)).statusCode, 403);
    assert.equal((await api('POST', '/api/admin/webhooks', { url: 'https://hooks.example.org/' }, editor)).statusCode, 403);
    assert.equal((await app.http.inject({ method: 'GET', url: '/api/admin/webhooks' })).statusCode, 401);
    assert.equal((await api('GET', '/admin/webhooks', undefined, editor)).statusCode, 403);
  });

  it('signs each delivery, retries a failing receiver with backoff and delivers once', async () => {
    // The test-only guard: this receiver lives on 127.0.0.1 over plain http.
    useWebhookNetworkForTests({ policy: { schemes: ['http:', 'https:'], resolve: async () => [{ address: '127.0.0.1', family: 4 }], allowAddress: (a) => a === '127.0.0.1' } });
    const created = await api('POST', '/api/admin/webhooks', { url: receiverUrl, events: ['publish', 'unpublish'] });
    assert.equal(created.statusCode, 201, created.body);
    const { id, secret } = created.json() as { id: number; secret: string };
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/u);
    const listed = (await api('GET', '/api/admin/webhooks')).json() as { items: Record<string, unknown>[] };
    assert.equal(listed.items.length, 1);
    assert.equal(listed.items[0]?.secret, undefined, 'the secret is never listed');

    // Not subscribed to updates: nothing is queued.
    await app.articleEvents.emit({ type: 'article.updated', articleId: 7, slug: 'x', headline: 'X', url: 'http://localhost:3000/x', at: now });
    assert.equal((await api('GET', `/api/admin/webhooks/${id}/deliveries`)).json().items.length, 0);

    failuresLeft = 2;
    await app.articleEvents.emit({ type: 'article.published', articleId: 7, slug: 'budget-passes', headline: 'Budget passes', url: 'http://localhost:3000/news/budget-passes', at: now });
    await app.jobs.runDue();
    assert.equal(received.length, 1);
    let delivery = (await api('GET', `/api/admin/webhooks/${id}/deliveries`)).json().items[0];
    assert.equal(delivery.status, 'retrying');
    assert.equal(delivery.lastStatusCode, 500);
    assert.equal(delivery.attempts, 1);

    await app.jobs.runDue();
    assert.equal(received.length, 1, 'no retry before the backoff has passed');
    now += 30_000;
    await app.jobs.runDue();
    assert.equal(received.length, 2);
    now += 60_000;
    await app.jobs.runDue();
    assert.equal(received.length, 3);
    now += 3_600_000;
    await app.jobs.runDue();
    assert.equal(received.length, 3, 'delivered once, never again');

    delivery = (await api('GET', `/api/admin/webhooks/${id}/deliveries`)).json().items[0];
    assert.equal(delivery.status, 'delivered');
    assert.equal(delivery.attempts, 3);
    assert.equal(delivery.lastStatusCode, 204);

    const bodies = new Set(received.map((r) => r.body));
    assert.equal(bodies.size, 1, 'every try sends the same body');
    for (const r of received) {
      const msgId = String(r.headers['webhook-id']);
      const timestamp = String(r.headers['webhook-timestamp']);
      const expected = crypto.createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${msgId}.${timestamp}.${r.body}`).digest('base64');
      assert.equal(r.headers['webhook-signature'], `v1,${expected}`);
      assert.equal(r.headers['content-type'], 'application/json');
      assert.match(timestamp, /^\d{10}$/u);
    }
    const body = JSON.parse(received[2]?.body ?? '{}');
    assert.equal(body.event, 'article.published');
    assert.equal(String(body.id), String(received[2]?.headers['webhook-id']));
    assert.deepEqual(body.data, { articleId: 7, slug: 'budget-passes', headline: 'Budget passes', url: 'http://localhost:3000/news/budget-passes' });
    assert.equal(Number(received[2]?.headers['webhook-timestamp']), Math.floor(now / 1000) - 3600);

    // Disabled: no more deliveries; deleted: gone.
    const patched = await api('PATCH', `/api/admin/webhooks/${id}`, { active: false });
    assert.equal(patched.json().active, false);
    await app.articleEvents.emit({ type: 'article.unpublished', articleId: 7, slug: 'budget-passes', headline: 'Budget passes', url: 'http://localhost:3000/news/budget-passes', at: now });
    assert.equal((await api('GET', `/api/admin/webhooks/${id}/deliveries`)).json().items.length, 1);
    assert.equal((await api('DELETE', `/api/admin/webhooks/${id}`)).statusCode, 204);
    assert.equal((await api('DELETE', `/api/admin/webhooks/${id}`)).statusCode, 404);
    assert.equal((await api('GET', `/api/admin/webhooks/${id}/deliveries`)).statusCode, 404);
  });

  it('manages webhooks from the admin page, showing the secret once, and sends a test event', async () => {
    useWebhookNetworkForTests({ policy: { schemes: ['http:', 'https:'], resolve: async () => [{ address: '127.0.0.1', family: 4 }], allowAddress: (a) => a === '127.0.0.1' } });
    const form = (url: string, fields: Record<string, string | string[]>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) params.append(k, one);
      return app.http.inject({ method: 'POST', url, payload: params.toString(), headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/x-www-form-urlencoded' } });
    };
    const bad = await form('/admin/webhooks', { url: 'https://192.168.1.1/', events: ['publish'] });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /private or local network/u);
    const created = await form('/admin/webhooks', { url: receiverUrl, events: ['publish', 'update'] });
    assert.equal(created.statusCode, 200);
    const secret = /whsec_[A-Za-z0-9+/=]+/u.exec(created.body)?.[0];
    assert.ok(secret, 'the secret is on the page');
    const page = await api('GET', '/admin/webhooks');
    assert.ok(page.body.includes(receiverUrl));
    assert.ok(!page.body.includes(secret), 'and never again');
    const id = (await api('GET', '/api/admin/webhooks')).json().items.at(-1).id as number;
    const before = received.length;
    assert.equal((await form(`/admin/webhooks/${id}/test`, {})).statusCode, 303);
    await app.jobs.runDue();
    assert.equal(received.length, before + 1);
    assert.equal(JSON.parse(received.at(-1)?.body ?? '{}').event, 'webhook.test');
    assert.match((await api('GET', '/admin/webhooks')).body, /delivered/u);
    assert.equal((await form(`/admin/webhooks/${id}/active`, { active: '0' })).statusCode, 303);
    assert.match((await api('GET', '/admin/webhooks')).body, /Disabled/u);
    assert.equal((await form(`/admin/webhooks/${id}/delete`, {})).statusCode, 303);
    assert.ok(!(await api('GET', '/admin/webhooks')).body.includes(receiverUrl));
  });
});
