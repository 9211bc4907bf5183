/** GET /admin/revenue for roles allowed 'revenue.read' (admins): read-only figures. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/database.js';
import { requireStaff, type Staff } from '../../accounts/index.js';
import type { Look } from '../../newsroom/shell.js';
import type { SettingsService } from '../../settings/service.js';
import { revenueReport } from '../report.js';
import { revenuePage } from '../views/admin.js';

export interface RevenueAdminDeps {
  db: Database;
  now: () => number;
  settings: SettingsService;
  look: () => Promise<Look | null>;
  testMode: boolean;
  /** URL of the admin chart's stylesheet. */
  stylesheet: string;
}

export function registerRevenueAdmin(app: FastifyInstance, deps: RevenueAdminDeps): void {
  app.get('/admin/revenue', { preHandler: requireStaff('revenue.read') }, async (request, reply) => {
    const { support, timeZone, locale } = deps.settings.get();
    const report = await revenueReport(deps.db, { now: deps.now(), timeZone, currency: support.currency });
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(revenuePage(await deps.look(), request.staff as Staff, report, { testMode: deps.testMode, locale, stylesheet: deps.stylesheet }));
  });
}
