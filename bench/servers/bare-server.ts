/**
 * Child process: the floor to compare the app against. A bare node:http server answering every
 * request with the same page bytes from memory, with only content-type and content-length.
 */
import fs from 'node:fs';
import http from 'node:http';

const file = process.env.BENCH_BODY_FILE;
if (!file) throw new Error('BENCH_BODY_FILE is not set');
const body = fs.readFileSync(file);
const headers = { 'content-type': process.env.BENCH_CONTENT_TYPE ?? 'text/html; charset=utf-8', 'content-length': String(body.length) };

const server = http.createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
