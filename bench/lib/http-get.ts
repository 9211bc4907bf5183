/** A plain GET against 127.0.0.1 that hands back the exact bytes sent (no decompression, no redirects). */
import http from 'node:http';

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Size of the status line and headers as sent, for comparing the two servers' responses. */
  headerBytes: number;
  body: Buffer;
}

export function get(url: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<Response> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`the bench only talks to 127.0.0.1 (got ${url})`);
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = response.rawHeaders;
        let headerBytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n\r\n`.length;
        for (let i = 0; i + 1 < raw.length; i += 2) headerBytes += `${raw[i]}: ${raw[i + 1]}\r\n`.length;
        resolve({ status: response.statusCode ?? 0, headers: response.headers, headerBytes, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}
