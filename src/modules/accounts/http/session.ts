/**
 * Who is making this request: resolves the staff member behind every /admin and /api/admin
 * request, from the session cookie or an API key, before any handler runs. Other paths are left
 * alone, so public pages (cached, cookie-free) never pay for a database lookup.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService } from '../service.js';
import { isStaffRole, type StaffRole } from '../policy.js';

export const SESSION_COOKIE = 'scms_session';

export interface Staff {
  /** Null for an API key: it acts with a role, not as a person. */
  id: number | null;
  name: string;
  email: string | null;
  role: StaffRole;
  via: 'session' | 'key';
  /** For an API key: its id, so records it creates can be told apart from other keys'. */
  keyId: number | null;
}

/** How a staff member appears in the audit log and on records they touched. */
export function actorOf(staff: Staff): { userId: number | null; label: string } {
  return staff.via === 'key' ? { userId: null, label: `API key "${staff.name}"` } : { userId: staff.id, label: staff.name || staff.email || `user ${staff.id}` };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for /admin and /api/admin requests by the staff session hook; null elsewhere or when signed out. */
    staff: Staff | null;
  }
}

export interface SessionCookie {
  read(request: FastifyRequest): string | null;
  set(reply: FastifyReply, token: string): void;
  clear(reply: FastifyReply): void;
}

export interface StaffSessionOptions {
  accounts: AccountsService;
  /** The configured PUBLIC_URL: an https site gets a Secure cookie. */
  publicUrl: string;
}

/** Matched against the route pattern, so /admin/, //admin and /admin?x all count the same. */
export function isStaffPath(path: string | undefined): boolean {
  return path !== undefined && /^\/(?:api\/)?admin(?:\/|$)/u.test(path);
}

export async function registerStaffSession(app: FastifyInstance, options: StaffSessionOptions): Promise<SessionCookie> {
  const { accounts } = options;
  await app.register(cookie);
  app.decorateRequest('staff', null);

  const attributes = {
    httpOnly: true,
    // Lax: the cookie goes along when someone follows a link to /admin, never on another site's POST.
    sameSite: 'lax' as const,
    path: '/',
    secure: options.publicUrl.startsWith('https:'),
  };
  const sessionCookie: SessionCookie = {
    read: (request) => request.cookies[SESSION_COOKIE] || null,
    set: (reply, token) => void reply.setCookie(SESSION_COOKIE, token, { ...attributes, maxAge: Math.floor(accounts.sessionTtlMs / 1000) }),
    clear: (reply) => void reply.clearCookie(SESSION_COOKIE, attributes),
  };

  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!isStaffPath(route)) return undefined;
    request.staff = await resolveStaff(request, accounts, sessionCookie);
    // The Admin API says who may call before it says what is wrong with a request: without this,
    // body validation (which runs before route guards) would answer strangers with the schema.
    if (!request.staff && route?.startsWith('/api/admin/')) {
      return reply.code(401).header('www-authenticate', 'Bearer').header('cache-control', 'no-store').send({ error: 'Sign in or send an API key.' });
    }
    return undefined;
  });

  return sessionCookie;
}

async function resolveStaff(request: FastifyRequest, accounts: AccountsService, sessionCookie: SessionCookie): Promise<Staff | null> {
  // An Authorization header wins: a script sending a key means the key, whatever cookies it has.
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer +(\S+)$/iu.exec(authorization.trim());
    const key = match?.[1] ? await accounts.keyUser(match[1]) : null;
    return key ? { id: null, name: key.name, email: null, role: key.role, via: 'key', keyId: key.keyId } : null;
  }
  const token = sessionCookie.read(request);
  if (!token) return null;
  const user = await accounts.sessionUser(token);
  // Readers may hold sessions later (comments); they are never staff.
  if (!user || !isStaffRole(user.role)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, via: 'session', keyId: null };
}
