/**
 * /admin/webhooks: the endpoints, their recent deliveries, and a form to add one. A new
 * endpoint's signing secret is shown on the page that answers the create form, and never again.
 * Plain forms, no scripts.
 */
import { adminPage, type Look } from '../newsroom/shell.js';
import type { Staff } from '../accounts/index.js';
import { WEBHOOK_EVENTS, type Delivery, type Webhook } from './service.js';

export interface WebhooksView {
  look: Look | null;
  staff: Staff;
  hooks: { hook: Webhook; deliveries: Delivery[] }[];
  created?: { hook: Webhook; secret: string };
  problem?: string;
  values?: { url?: string; events?: string[] };
}

const time = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

function Deliveries({ deliveries }: { deliveries: Delivery[] }) {
  if (deliveries.length === 0) return <p class="webhook-none">No deliveries yet.</p>;
  return (
    <table class="admin-table webhook-deliveries">
      <caption>Recent deliveries</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col">Tries</th>
          <th scope="col">Last answer</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id}>
            <td>{d.id}</td>
            <td>{d.event}</td>
            <td>
              <span class={`webhook-status webhook-status-${d.status}`}>{d.status}</span>
            </td>
            <td>{d.attempts}</td>
            <td>{d.lastError ?? (d.lastStatusCode ? String(d.lastStatusCode) : '')}</td>
            <td>{time(d.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function webhooksPage(view: WebhooksView): string {
  const chosen = view.values?.events ?? [...WEBHOOK_EVENTS];
  return adminPage({
    look: view.look,
    staff: view.staff,
    title: 'Webhooks',
    active: 'webhooks',
    wide: true,
    children: (
      <>
        {view.created ? (
          <div class="webhook-secret" role="status">
            <p>
              Webhook {view.created.hook.id} for <code>{view.created.hook.url}</code> was added. Its signing secret is shown now and never again:
            </p>
            <p>
              <code class="webhook-secret-value">{view.created.secret}</code>
            </p>
            <p>
              Each delivery is a JSON POST with the headers <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> (
              <code>v1,</code> + base64 HMAC-SHA256 of <code>id.timestamp.body</code>, keyed with the base64-decoded part of the secret after <code>whsec_</code>: the
              Standard Webhooks scheme).
            </p>
          </div>
        ) : null}
        {view.problem ? (
          <p class="form-problem" role="alert">
            {view.problem}
          </p>
        ) : null}
        {view.hooks.length === 0 ? <p>No webhooks yet.</p> : null}
        {view.hooks.map(({ hook, deliveries }) => (
          <section class="webhook" key={hook.id} aria-labelledby={`webhook-${hook.id}`}>
            <h2 id={`webhook-${hook.id}`}>
              <code>{hook.url}</code>
            </h2>
            <p>
              Events: {hook.events.join(', ')} · {hook.active ? 'Active' : 'Disabled'} · added {time(hook.createdAt)}
            </p>
            <div class="webhook-actions">
              <form method="post" action={`/admin/webhooks/${hook.id}/active`}>
                <input type="hidden" name="active" value={hook.active ? '0' : '1'} />
                <button type="submit">{hook.active ? 'Disable' : 'Enable'}</button>
              </form>
              <form method="post" action={`/admin/webhooks/${hook.id}/test`}>
                <button type="submit">Send test event</button>
              </form>
              <form method="post" action={`/admin/webhooks/${hook.id}/delete`}>
                <button type="submit" class="button-danger">
                  Delete
                </button>
              </form>
            </div>
            <Deliveries deliveries={deliveries} />
          </section>
        ))}
        <h2>Add a webhook</h2>
        <form class="admin-form" method="post" action="/admin/webhooks">
          <p>
            <label for="webhook-url">URL (https)</label>
            <input id="webhook-url" type="url" name="url" required maxLength={2048} placeholder="https://example.org/hooks/structurecms" value={view.values?.url ?? ''} />
          </p>
          <fieldset>
            <legend>Events</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} class="webhook-event">
                <input type="checkbox" name="events" value={event} checked={chosen.includes(event)} /> {event}
              </label>
            ))}
          </fieldset>
          <button type="submit">Add webhook</button>
        </form>
      </>
    ),
  });
}
