import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';

interface Operation {
  tags?: string[];
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }>; schemas?: Record<string, unknown> };
}

/**
 * Every route of the app, from Fastify's own route tree (printRoutes): each line is a path segment
 * under its parent (four characters of indentation per level) with its methods in brackets.
 */
function registeredRoutes(tree: string): { path: string; methods: string[] }[] {
  const routes: { path: string; methods: string[] }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ├└─]*?)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const parent = depth === 0 ? '' : (stack[depth - 1] ?? '');
    const segment = match[2] ?? '';
    // The tree is a radix tree: a child continues its parent's text exactly ("/api/admin/me" + "dia").
    const path = depth === 0 ? segment : `${parent}${segment}`;
    stack[depth] = path;
    stack.length = depth + 1;
    if (match[3]) routes.push({ path, methods: match[3].split(', ') });
  }
  return routes;
}

describe('OpenAPI document', () => {
  let app: TestApp;
  let document: OpenApiDocument;
  before(async () => {
    app = await startTestApp();
    const response = await app.http.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/json/u);
    assert.match(String(response.headers['cache-control']), /max-age=\d+/u);
    document = response.json<OpenApiDocument>();
  });
  after(() => app.destroy());

  it('is an OpenAPI 3 document with security schemes for keys and the session cookie', () => {
    assert.match(document.openapi, /^3\.\d+\.\d+$/u);
    assert.ok(document.info.title && document.info.version);
    assert.equal(typeof document.paths, 'object');
    const schemes = Object.values(document.components.securitySchemes);
    assert.ok(schemes.some((s) => s.type === 'http' && s.scheme === 'bearer'));
    assert.ok(schemes.some((s) => s.type === 'apiKey' && s.in === 'cookie' && s.name === 'scms_session'));
  });

  it('describes the Content API and the Admin API, and nothing else', () => {
    for (const path of ['/api/content/articles', '/api/content/articles/{slug}', '/api/content/sections', '/api/content/tags', '/api/content/authors/{slug}', '/api/admin/me']) {
      assert.ok(document.paths[path]?.get, `GET ${path} is described`);
    }
    for (const path of Object.keys(document.paths)) assert.match(path, /^\/api\/(admin|content)\//u);
    const list = document.paths['/api/content/articles']?.get as Operation;
    const limit = list.parameters?.find((p) => p.name === 'limit');
    assert.equal(limit?.in, 'query');
    assert.ok(list.responses['200'] && list.responses['400']);
    assert.deepEqual(list.security, [], 'the Content API is public');
    assert.ok(document.paths['/api/admin/me']?.get?.security?.length, 'admin routes say how to authenticate');
  });

  it('is consistent: path parameters declared, every operation tagged and answering, every $ref resolvable', () => {
    const json = JSON.stringify(document);
    for (const [, ref] of json.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/gu)) {
      assert.ok(document.components.schemas?.[ref as string], `$ref ${ref} resolves`);
    }
    for (const [path, operations] of Object.entries(document.paths)) {
      const names = [...path.matchAll(/\{([^}]+)\}/gu)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(operations)) {
        assert.ok(['get', 'post', 'put', 'patch', 'delete'].includes(method), `${method} ${path}`);
        assert.ok(operation.responses && Object.keys(operation.responses).length > 0, `${method} ${path} has responses`);
        assert.ok(operation.tags?.length, `${method} ${path} has a tag`);
        for (const name of names) {
          const parameter = operation.parameters?.find((p) => p.in === 'path' && p.name === name);
          assert.ok(parameter?.required, `${method} ${path} declares {${name}}`);
        }
      }
    }
  });

  it('covers every /api route the app registers', () => {
    const routes = registeredRoutes(app.http.printRoutes({ commonPrefix: false }));
    assert.ok(routes.some((r) => r.path === '/api/admin/me'), 'the route tree was read');
    const api = routes.filter((r) => r.path.startsWith('/api/admin') || r.path.startsWith('/api/content'));
    assert.ok(api.length >= 9);
    for (const route of api) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/gu, '{$1}');
      for (const method of route.methods.filter((m) => m !== 'HEAD' && m !== 'OPTIONS')) {
        assert.ok(document.paths[path]?.[method.toLowerCase()], `${method} ${route.path} is in the document`);
      }
    }
  });
});
