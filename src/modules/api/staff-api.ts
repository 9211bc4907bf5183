/** The Admin API for settings, users, API keys and the audit log (/api/admin/…). */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff, roles, staffRoles, type Staff, type User } from '../accounts/index.js';
import { createUserAdmin } from '../accounts/index.js';
import type { AuditEntry } from '../audit/index.js';
import type { NewsroomDeps } from '../newsroom/deps.js';
import { AdRuleSchema, CommentDefaultsSchema, PublicationSettingsSchema } from '../settings/service.js';
import { StaffOpError, type StaffOps } from './staff-ops.js';
import { SupportSettingsSchema } from '../revenue/settings.js';
import { AdsSettingsSchema } from '../ads/settings.js';
import { PrivacySettingsSchema } from '../privacy/settings.js';
import { NewsletterSettingsSchema } from '../newsletters/settings.js';

const ErrorSchema = Type.Object({ error: Type.String(), field: Type.Optional(Type.String()), reason: Type.Optional(Type.String()) });
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
type IdParams = Static<typeof IdParams>;
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const RoleSchema = Type.Union(roles.map((r) => Type.Literal(r)));
const StaffRoleSchema = Type.Union(staffRoles.map((r) => Type.Literal(r)));

const SettingsPatchSchema = Type.Partial(
  Type.Object({
    ...PublicationSettingsSchema.properties,
    adRule: Type.Partial(AdRuleSchema, { additionalProperties: false }),
    comments: Type.Partial(CommentDefaultsSchema, { additionalProperties: false }),
    support: Type.Partial(SupportSettingsSchema, { additionalProperties: false }),
    ads: Type.Partial(AdsSettingsSchema, { additionalProperties: false }),
    privacy: Type.Partial(PrivacySettingsSchema, { additionalProperties: false }),
    newsletters: Type.Partial(NewsletterSettingsSchema, { additionalProperties: false }),
  }),
  { additionalProperties: false, minProperties: 1 },
);

const UserSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  disabled: Type.Boolean(),
  createdAt: Timestamp,
});
const UserWithPassword = Type.Object({
  user: UserSchema,
  password: Type.Optional(Type.String({ description: 'Only when the server generated the password: shown this once, never again.' })),
});
const NewUserSchema = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    name: Type.String({ maxLength: 200 }),
    role: StaffRoleSchema,
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 256, description: 'Leave out to have one generated (returned once).' })),
  },
  { additionalProperties: false },
);
const UserPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(Type.Boolean({ description: 'Disabling ends every session of the account.' })),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 256, description: 'A new password; ends every session.' })),
    generatePassword: Type.Optional(Type.Boolean({ description: 'Generate a new password (returned once); ends every session.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
const KeySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  role: StaffRoleSchema,
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart.' }),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});
const NewKeySchema = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), role: StaffRoleSchema }, { additionalProperties: false });
const AuditQuery = Type.Object(
  {
    subjectType: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    subjectId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    actor: Type.Optional(Type.Integer({ minimum: 1, description: 'A staff user id.' })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'nextBefore from the previous page.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
type AuditQuery = Static<typeof AuditQuery>;
const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  actor: Type.Object({ userId: Nullable(Type.Integer()), label: Type.String() }),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const userJson = (u: User) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null, createdAt: iso(u.createdAt) as string });
export const auditJson = (e: AuditEntry) => ({ ...e, at: iso(e.at) as string });

export async function registerStaffApi(app: FastifyInstance, deps: NewsroomDeps, ops: StaffOps): Promise<void> {
  const userAdmin = createUserAdmin(deps.db, { now: deps.now });
  const staffOf = (request: FastifyRequest) => request.staff as Staff;
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
  const fail = (reply: FastifyReply, error: unknown) => {
    if (!(error instanceof StaffOpError)) throw error;
    const body = error.field ? { error: error.message, field: error.field } : { error: error.message };
    return reply.code(error.status).header('cache-control', 'no-store').send(body);
  };

  // ---- Settings ----
  const settingsGuard = requireStaff('settings.manage');
  app.get('/api/admin/settings', { preHandler: settingsGuard, schema: { tags: ['settings'], summary: 'The publication settings', response: { 200: PublicationSettingsSchema, ...errors } } }, async () =>
    deps.settings.get(),
  );
  app.patch<{ Body: Static<typeof SettingsPatchSchema> }>(
    '/api/admin/settings',
    {
      preHandler: settingsGuard,
      schema: {
        tags: ['settings'],
        summary: 'Change publication settings',
        description: 'Any subset; nested groups (adRule, comments) merge key by key. Every cached page is purged.',
        body: SettingsPatchSchema,
        response: { 200: PublicationSettingsSchema, ...errors },
      },
    },
    async (request, reply) => {
      try {
        return await ops.updateSettings(staffOf(request), request.body);
      } catch (error) {
        return fail(reply, error);
      }
    },
  );

  // ---- Users ----
  const usersGuard = requireStaff('users.manage');
  app.get<{ Querystring: { role?: User['role'] } }>(
    '/api/admin/users',
    {
      preHandler: usersGuard,
      schema: {
        tags: ['users'],
        summary: 'Staff and reader accounts',
        querystring: Type.Object({ role: Type.Optional(RoleSchema) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...errors },
      },
    },
    async (request) => ({ items: (await userAdmin.listUsers({ role: request.query.role })).map(userJson) }),
  );
  app.post<{ Body: Static<typeof NewUserSchema> }>(
    '/api/admin/users',
    { preHandler: usersGuard, schema: { tags: ['users'], summary: 'Create a staff account', body: NewUserSchema, response: { 201: UserWithPassword, ...errors } } },
    async (request, reply) => {
      try {
        const { user, password } = await ops.createUser(staffOf(request), request.body);
        return reply.code(201).header('cache-control', 'no-store').send({ user: userJson(user), ...(password ? { password } : {}) });
      } catch (error) {
        return fail(reply, error);
      }
    },
  );
  app.get<{ Params: IdParams }>(
    '/api/admin/users/:id',
    { preHandler: usersGuard, schema: { tags: ['users'], summary: 'One account', params: IdParams, response: { 200: UserSchema, ...errors } } },
    async (request, reply) => {
      const user = await deps.accounts.getUser(request.params.id);
      return user ? userJson(user) : reply.code(404).send({ error: 'There is no such account.' });
    },
  );
  app.patch<{ Params: IdParams; Body: Static<typeof UserPatchSchema> }>(
    '/api/admin/users/:id',
    {
      preHandler: usersGuard,
      schema: {
        tags: ['users'],
        summary: 'Rename, change role, disable or enable, reset the password',
        description: 'A role change, disabling and a new password end the account’s sessions. The last active admin cannot be demoted or disabled (409).',
        params: IdParams,
        body: UserPatchSchema,
        response: { 200: UserWithPassword, ...errors },
      },
    },
    async (request, reply) => {
      try {
        const { user, password } = await ops.updateUser(staffOf(request), request.params.id, request.body);
        return reply.header('cache-control', 'no-store').send({ user: userJson(user), ...(password ? { password } : {}) });
      } catch (error) {
        return fail(reply, error);
      }
    },
  );
  app.delete<{ Params: IdParams }>(
    '/api/admin/users/:id',
    { preHandler: usersGuard, schema: { tags: ['users'], summary: 'Delete an account', params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      try {
        await ops.deleteUser(staffOf(request), request.params.id);
        return reply.code(204).send();
      } catch (error) {
        return fail(reply, error);
      }
    },
  );

  // ---- API keys ----
  const keysGuard = requireStaff('keys.manage');
  const keyJson = (k: Awaited<ReturnType<typeof deps.accounts.listKeys>>[number]) => ({
    id: k.id,
    name: k.name,
    role: k.role,
    prefix: k.prefix,
    createdAt: iso(k.createdAt) as string,
    lastUsedAt: iso(k.lastUsedAt),
    revokedAt: iso(k.revokedAt),
  });
  app.get('/api/admin/keys', { preHandler: keysGuard, schema: { tags: ['keys'], summary: 'API keys (never the keys themselves)', response: { 200: Type.Object({ items: Type.Array(KeySchema) }), ...errors } } }, async () => ({
    items: (await deps.accounts.listKeys()).map(keyJson),
  }));
  app.post<{ Body: Static<typeof NewKeySchema> }>(
    '/api/admin/keys',
    {
      preHandler: keysGuard,
      schema: {
        tags: ['keys'],
        summary: 'Create an API key (shown once)',
        description: 'The role may not be above the creator’s own.',
        body: NewKeySchema,
        response: { 201: Type.Object({ id: Type.Integer(), key: Type.String({ description: 'Store it now: it is never shown again.' }), name: Type.String(), role: StaffRoleSchema }), ...errors },
      },
    },
    async (request, reply) => {
      try {
        const { id, key } = await ops.createKey(staffOf(request), request.body);
        return reply.code(201).header('cache-control', 'no-store').send({ id, key, name: request.body.name.trim(), role: request.body.role });
      } catch (error) {
        return fail(reply, error);
      }
    },
  );
  app.delete<{ Params: IdParams }>(
    '/api/admin/keys/:id',
    { preHandler: keysGuard, schema: { tags: ['keys'], summary: 'Revoke an API key', params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      try {
        await ops.revokeKey(staffOf(request), request.params.id);
        return reply.code(204).send();
      } catch (error) {
        return fail(reply, error);
      }
    },
  );

  // ---- Audit log ----
  app.get<{ Querystring: AuditQuery }>(
    '/api/admin/audit',
    {
      preHandler: requireStaff('audit.read'),
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first',
        querystring: AuditQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema), nextBefore: Nullable(Type.Integer({ description: 'Pass as `before` for older entries.' })) }), ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const limit = q.limit ?? 50;
      const rows = await deps.audit.list({ subjectType: q.subjectType, subjectId: q.subjectId, actorUserId: q.actor, before: q.before, limit: limit + 1 });
      const items = rows.slice(0, limit);
      return { items: items.map(auditJson), nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },
  );
}
