/**
 * Who may do what, declared in one place. Every check elsewhere asks `can(role, action)`, so a
 * permission is changed here or nowhere. Roles are a ladder: each one may do all the one below may.
 */

export const roles = ['reader', 'contributor', 'author', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Roles that work on the publication (and may hold API keys); readers only read and comment. */
export const staffRoles = ['contributor', 'author', 'editor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Each action and the lowest role allowed to take it. */
export const actions = {
  // Contributors write drafts (their own) and submit them for review.
  'article.create': 'contributor',
  'article.submit': 'contributor',
  'article.publish.own': 'author',
  'article.publish.any': 'editor',
  'article.edit.any': 'editor',
  'article.delete': 'editor',
  /** The raw-HTML block: rendered sandboxed, still only for editors. */
  'article.raw-html': 'editor',
  'article.correct': 'editor',
  'media.upload': 'contributor',
  /** Edit or delete media someone else uploaded. */
  'media.manage': 'editor',
  'taxonomy.manage': 'editor',
  'pages.manage': 'editor',
  'redirects.manage': 'editor',
  'comments.moderate': 'editor',
  'audit.read': 'editor',
  'settings.manage': 'admin',
  'webhooks.manage': 'admin',
  'users.manage': 'admin',
  'keys.manage': 'admin',
  /** The outbox holds sign-in and reset links: admins only. */
  'email.outbox': 'admin',
  /** Lists, subscribers and the daily briefing (preview and send). */
  'newsletters.manage': 'editor',
  /** Payments and supporters: money and personal data, so admins only. */
  'revenue.read': 'admin',
  /** House ads, their reports and the ad tag. */
  'ads.manage': 'admin',
} as const satisfies Record<string, Role>;
export type Action = keyof typeof actions;

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

export function roleRank(role: Role): number {
  return roles.indexOf(role);
}

export function can(role: Role, action: Action): boolean {
  // Roles read back from storage may be unknown (a downgrade, a hand edit): such a role may do nothing.
  const rank = roles.indexOf(role);
  return rank >= 0 && rank >= roleRank(actions[action]);
}
