/**
 * Outbound HTTP that cannot be turned against us (SSRF). Used for oEmbed look-ups and webhook
 * deliveries, the two places where the server fetches a URL that came from a person.
 *
 * - only https (tests may allow http through an explicit policy; production never does);
 * - the host name is resolved here, and every address it resolves to must be public unicast
 *   (ipaddr.js `range() === 'unicast'`): loopback, private, link-local (cloud metadata), ULA,
 *   CGNAT, NAT64 and the like are refused before any connection is made;
 * - the connection goes to the vetted address (the socket's `lookup` returns it), so a second DNS
 *   answer (DNS rebinding) cannot send the request elsewhere; TLS still checks the host name;
 * - no redirects to other hosts, a timeout, and a cap on the response body.
 */
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export class UnsafeUrlError extends Error {}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (injectable so tests never use real DNS). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface UrlPolicy {
  /** Schemes that may be fetched: production is https only. */
  schemes: readonly string[];
  resolve: Resolver;
  /** Whether an address may be connected to. Production: public unicast only. */
  allowAddress: (address: string) => boolean;
}

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dns.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** True only for public unicast addresses (IPv4-mapped IPv6 is judged as the IPv4 inside). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export const productionPolicy: UrlPolicy = { schemes: ['https:'], resolve: systemResolver, allowAddress: isPublicAddress };

export interface VettedUrl {
  url: URL;
  /** The address to connect to: checked, and pinned for the connection. */
  pinned: ResolvedAddress;
}

/** Parses and checks a URL, resolving its host; throws UnsafeUrlError with a message a person understands. */
export async function vetUrl(raw: string, policy: UrlPolicy): Promise<VettedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('That is not a valid URL.');
  }
  if (!policy.schemes.includes(url.protocol)) {
    throw new UnsafeUrlError(`Only ${policy.schemes.map((s) => s.replace(':', '')).join(' or ')} URLs can be used (this one is ${url.protocol.replace(':', '')}).`);
  }
  if (url.username || url.password) throw new UnsafeUrlError('URLs with a user name or password are not accepted.');
  const host = url.hostname.replace(/^\[|\]$/gu, '');
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = await policy.resolve(host);
    } catch {
      throw new UnsafeUrlError(`The host ${host} could not be found.`);
    }
  }
  if (addresses.length === 0) throw new UnsafeUrlError(`The host ${host} could not be found.`);
  // Every answer must be safe: otherwise a name with one public and one private address could
  // still be used to reach the private one.
  if (addresses.some((a) => !policy.allowAddress(a.address))) {
    throw new UnsafeUrlError(`${host} points to a private or local network address, which is never fetched.`);
  }
  return { url, pinned: addresses[0] as ResolvedAddress };
}

export interface OutboundRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Sends one request to an already vetted URL (injectable: tests replace it with a stub). */
export type Transport = (target: VettedUrl, request: OutboundRequest) => Promise<OutboundResponse>;

/** The real transport: node:http(s) connecting to the pinned address only. */
export const nodeTransport: Transport = (target, request) =>
  new Promise((resolve, reject) => {
    const { url, pinned } = target;
    const lookup: LookupFunction = (_hostname, options, callback) => {
      // Node asks with { all: true } on newer versions (happy eyeballs): answer in the shape asked for.
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: pinned.address, family: pinned.family }]);
      else callback(null, pinned.address, pinned.family);
    };
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      { method: request.method, headers: { 'user-agent': 'StructureCMS', ...request.headers }, lookup, timeout: request.timeoutMs, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxBytes) {
            req.destroy(new UnsafeUrlError(`The response is larger than ${Math.round(request.maxBytes / 1024)} KB.`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    // The whole exchange, not just idle time, is bounded.
    const timer = setTimeout(() => req.destroy(new UnsafeUrlError(`No answer within ${request.timeoutMs / 1000} s.`)), request.timeoutMs);
    req.on('timeout', () => req.destroy(new UnsafeUrlError(`No answer within ${request.timeoutMs / 1000} s.`)));
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
    req.end(request.body);
  });

/**
 * Vets the URL, sends the request, and follows at most three redirects that stay on the same
 * host (each one vetted again). A redirect to another host is refused.
 */
export async function safeFetch(raw: string, request: OutboundRequest, policy: UrlPolicy, transport: Transport = nodeTransport): Promise<OutboundResponse> {
  let target = await vetUrl(raw, policy);
  for (let hop = 0; ; hop++) {
    const response = await transport(target, request);
    const location = response.headers.location;
    if (response.status < 300 || response.status >= 400 || !location || request.method !== 'GET') return response;
    if (hop >= 3) throw new UnsafeUrlError('Too many redirects.');
    const next = new URL(location, target.url);
    if (next.host !== target.url.host) throw new UnsafeUrlError(`The server redirected to another host (${next.hostname}), which is not followed.`);
    target = await vetUrl(next.href, policy);
  }
}
