/** /admin/ads: the creatives (list, new, edit, pause, delete) and the daily report. Plain forms, no scripts. */
import type { Staff } from '../../accounts/index.js';
import { Notices, type Notice } from '../../newsroom/notices.js';
import { adminPage, type Look } from '../../newsroom/shell.js';
import { utcInput, type Creative, type CreativeForm } from '../creatives.js';
import { ctr, type ReportRow } from '../stats.js';

export interface Choice {
  id: number;
  label: string;
}

export interface FormChoices {
  sections: Choice[];
  media: Choice[];
}

const when = (ms: number) => `${utcInput(ms).replace('T', ' ')} UTC`;

export function formOf(c: Creative): CreativeForm {
  return {
    name: c.name,
    mediaId: c.mediaId === null ? '' : String(c.mediaId),
    imageUrl: c.imageUrl ?? '',
    alt: c.alt,
    linkUrl: c.linkUrl,
    startsAt: utcInput(c.startsAt),
    endsAt: utcInput(c.endsAt),
    weight: String(c.weight),
    active: c.active ? '1' : '',
    sections: c.sectionIds.map(String),
  };
}

export function blankForm(now: number): CreativeForm {
  return { name: '', mediaId: '', imageUrl: '', alt: '', linkUrl: '', startsAt: utcInput(now), endsAt: utcInput(now + 30 * 86_400_000), weight: '10', active: '1', sections: [] };
}

function status(c: Creative, now: number): string {
  if (!c.active) return 'Paused';
  if (now < c.startsAt) return 'Scheduled';
  if (now >= c.endsAt) return 'Ended';
  return 'Running';
}

function TextField(props: { name: keyof CreativeForm; label: string; value: string; notice: Notice; type?: string; hint?: string; required?: boolean }) {
  const invalid = props.notice.field === props.name;
  return (
    <p>
      <label for={`ad-${props.name}`}>{props.label}</label>
      <input
        id={`ad-${props.name}`}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        required={props.required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? 'form-problem' : undefined}
      />
      {props.hint ? <small class="field-hint">{props.hint}</small> : null}
    </p>
  );
}

function CreativeFields({ form, choices, notice }: { form: CreativeForm; choices: FormChoices; notice: Notice }) {
  return (
    <>
      <TextField name="name" label="Name" value={form.name} notice={notice} required hint="Only the newsroom sees it." />
      <p>
        <label for="ad-mediaId">Image from the media library</label>
        <select id="ad-mediaId" name="mediaId" aria-invalid={notice.field === 'mediaId' ? 'true' : undefined}>
          <option value="">None (use the address below)</option>
          {choices.media.map((m) => (
            <option value={String(m.id)} selected={String(m.id) === form.mediaId}>
              {m.label}
            </option>
          ))}
        </select>
      </p>
      <TextField name="imageUrl" label="…or the address of an image on this site" value={form.imageUrl} notice={notice} hint="A path such as /media/… or a full address on this site. Shown at 300×250." />
      <TextField name="alt" label="Alt text" value={form.alt} notice={notice} required hint="What the image says, for readers who cannot see it." />
      <TextField name="linkUrl" label="Link" value={form.linkUrl} notice={notice} type="url" required hint="Where a click goes: a full http:// or https:// address." />
      <TextField name="startsAt" label="Starts (UTC)" value={form.startsAt} notice={notice} type="datetime-local" required />
      <TextField name="endsAt" label="Ends (UTC)" value={form.endsAt} notice={notice} type="datetime-local" required />
      <TextField name="weight" label="Weight (1–100)" value={form.weight} notice={notice} type="number" required hint="A creative with weight 20 is shown twice as often as one with 10." />
      <fieldset aria-invalid={notice.field === 'sections' ? 'true' : undefined}>
        <legend>Sections (none chosen: every section)</legend>
        {choices.sections.map((s) => (
          <label class="webhook-event">
            <input type="checkbox" name="sections" value={String(s.id)} checked={form.sections.includes(String(s.id))} /> {s.label}
          </label>
        ))}
      </fieldset>
      <p>
        <label class="webhook-event">
          <input type="checkbox" name="active" value="1" checked={form.active === '1'} /> Running (untick to pause)
        </label>
      </p>
    </>
  );
}

export function listPage(
  look: Look | null,
  staff: Staff,
  model: { creatives: Creative[]; images: Map<number, string>; now: number; form: CreativeForm; choices: FormChoices; notice: Notice; sectionNames: Map<number, string> },
): string {
  const { creatives, now, notice } = model;
  return adminPage({
    look,
    staff,
    title: 'Ads',
    active: 'ads',
    wide: true,
    children: (
      <>
        <Notices notice={notice} />
        <p>
          <a href="/admin/ads/report">Report: impressions, clicks and click-through rate per day</a>. Where ads come from (house ads, a third-party tag or none), the frequency
          cap and what empty slots do are in <a href="/admin/settings">Settings</a>.
        </p>
        <h2>Creatives</h2>
        {creatives.length === 0 ? (
          <p>No house ads yet.</p>
        ) : (
          <table class="staff-table">
            <thead>
              <tr>
                <th scope="col">Ad</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Runs</th>
                <th scope="col">Sections</th>
                <th scope="col">Weight</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {creatives.map((c) => (
                <tr>
                  <td>{model.images.has(c.id) ? <img class="ad-preview" src={model.images.get(c.id)} alt={c.alt} width={120} height={100} loading="lazy" /> : <span class="field-hint">Image missing</span>}</td>
                  <td>{c.name}</td>
                  <td>{status(c, now)}</td>
                  <td>
                    {when(c.startsAt)} – {when(c.endsAt)}
                  </td>
                  <td>{c.sectionIds.length === 0 ? 'All' : c.sectionIds.map((id) => model.sectionNames.get(id) ?? `#${id}`).join(', ')}</td>
                  <td>{c.weight}</td>
                  <td>
                    <a href={`/admin/ads/${c.id}`}>
                      Edit<span class="visually-hidden"> {c.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2 id="new-creative">New creative</h2>
        <form method="post" action="/admin/ads" class="admin-form">
          <CreativeFields form={model.form} choices={model.choices} notice={notice} />
          <p>
            <button type="submit">Add creative</button>
          </p>
        </form>
      </>
    ),
  });
}

export function editPage(look: Look | null, staff: Staff, model: { creative: Creative; form: CreativeForm; choices: FormChoices; notice: Notice }): string {
  const { creative, notice } = model;
  return adminPage({
    look,
    staff,
    title: `Ad: ${creative.name}`,
    active: 'ads',
    children: (
      <>
        <Notices notice={notice} />
        <p>
          <a href="/admin/ads">All creatives</a>
        </p>
        <form method="post" action={`/admin/ads/${creative.id}`} class="admin-form">
          <CreativeFields form={model.form} choices={model.choices} notice={notice} />
          <p>
            <button type="submit">Save</button>
          </p>
        </form>
        <form method="post" action={`/admin/ads/${creative.id}/${creative.active ? 'pause' : 'resume'}`}>
          <p>
            <button type="submit">{creative.active ? 'Pause' : 'Resume'}</button>
          </p>
        </form>
        <form method="post" action={`/admin/ads/${creative.id}/delete`}>
          <p>
            <label class="webhook-event">
              <input type="checkbox" name="confirm" value="1" required /> Also delete its impressions and clicks
            </label>{' '}
            <button type="submit" class="danger">
              Delete {creative.name}
            </button>
          </p>
        </form>
      </>
    ),
  });
}

export function reportPage(look: Look | null, staff: Staff, model: { from: string; to: string; rows: ReportRow[]; notice: Notice }): string {
  const { rows } = model;
  const totals = rows.reduce((t, r) => ({ impressions: t.impressions + r.impressions, clicks: t.clicks + r.clicks }), { impressions: 0, clicks: 0 });
  return adminPage({
    look,
    staff,
    title: 'Ads report',
    active: 'ads',
    wide: true,
    children: (
      <>
        <Notices notice={model.notice} />
        <p>
          <a href="/admin/ads">All creatives</a>
        </p>
        <form method="get" action="/admin/ads/report" class="staff-filter">
          <label for="report-from">From</label> <input id="report-from" name="from" type="date" value={model.from} /> <label for="report-to">to</label>{' '}
          <input id="report-to" name="to" type="date" value={model.to} /> <button type="submit">Show</button>
          <small class="field-hint">Days in UTC. Counted without cookies: one impression per ad frame shown, one click per visit to the advertiser through the ad.</small>
        </form>
        {rows.length === 0 ? (
          <p>No impressions or clicks in these days.</p>
        ) : (
          <table class="staff-table">
            <caption>
              {totals.impressions} impressions, {totals.clicks} clicks, click-through rate {ctr(totals.impressions, totals.clicks)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Creative</th>
                <th scope="col" class="num">
                  Impressions
                </th>
                <th scope="col" class="num">
                  Clicks
                </th>
                <th scope="col" class="num">
                  CTR
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{r.day}</td>
                  <td>{r.name}</td>
                  <td class="num">{r.impressions}</td>
                  <td class="num">{r.clicks}</td>
                  <td class="num">{ctr(r.impressions, r.clicks)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    ),
  });
}
