/**
 * Admin pages for sections, tags, authors, static pages and redirects: one shape for all of them
 * (a list with a "new" form, an edit form, a confirm-before-delete page), plain server-rendered
 * forms inside the newsroom shell. Preact escapes every value; no scripts are needed.
 */
import type { ComponentChildren } from 'preact';
import type { Staff } from '../../accounts/index.js';
import { Notices, type Notice } from '../../newsroom/notices.js';
import { adminPage, type Look } from '../../newsroom/shell.js';

export interface FieldDef {
  name: string;
  label: string;
  kind?: 'text' | 'number' | 'textarea' | 'select';
  hint?: string;
  rows?: number;
  options?: { value: string; label: string }[];
  /** Only on the edit form (e.g. nothing to choose before the record exists). */
  editOnly?: boolean;
}

export interface Column<R> {
  label: string;
  cell: (record: R) => ComponentChildren;
}

export interface ResourceView<R> {
  /** The NAV key and the URL segment: /admin/<key>. */
  key: string;
  title: string;
  /** "section", "tag" … in sentences and button labels. */
  noun: string;
  columns: Column<R>[];
  nameOf(record: R): string;
  idOf(record: R): number;
}

export type FormValues = Record<string, string>;

function Field({ def, value, notice, prefix }: { def: FieldDef; value: string; notice: Notice; prefix: string }) {
  const id = `${prefix}-${def.name}`;
  const invalid = notice.field === def.name;
  const aria = { 'aria-invalid': invalid ? ('true' as const) : undefined, 'aria-describedby': invalid ? 'form-problem' : undefined };
  return (
    <p>
      <label for={id}>{def.label}</label>
      {def.kind === 'textarea' ? (
        <textarea id={id} name={def.name} rows={def.rows ?? 4} {...aria}>
          {value}
        </textarea>
      ) : def.kind === 'select' ? (
        <select id={id} name={def.name} {...aria}>
          {(def.options ?? []).map((o) => (
            <option key={o.value} value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        // Preact types each input type separately; both take a value.
        <input id={id} name={def.name} type={(def.kind === 'number' ? 'number' : 'text') as 'text'} value={value} {...aria} />
      )}
      {def.hint ? <small class="field-hint">{def.hint}</small> : null}
    </p>
  );
}

export function ResourceForm(props: { action: string; fields: FieldDef[]; values: FormValues; notice: Notice; submit: string; prefix: string; editing: boolean }) {
  return (
    <form method="post" action={props.action} class="admin-form taxonomy-form">
      {props.fields
        .filter((f) => props.editing || !f.editOnly)
        .map((def) => (
          <Field key={def.name} def={def} value={props.values[def.name] ?? ''} notice={props.notice} prefix={props.prefix} />
        ))}
      <p>
        <button type="submit">{props.submit}</button>
      </p>
    </form>
  );
}

export function listPage<R>(options: { look: Look | null; staff: Staff; view: ResourceView<R>; records: R[]; fields: FieldDef[]; values: FormValues; notice: Notice }): string {
  const { view, records, notice } = options;
  return adminPage({
    look: options.look,
    staff: options.staff,
    title: view.title,
    active: view.key,
    wide: true,
    children: (
      <>
        <Notices notice={notice.field || notice.problem ? { done: notice.done } : notice} />
        {records.length === 0 ? (
          <p>No {view.noun}s yet.</p>
        ) : (
          <table class="staff-table taxonomy-table">
            <thead>
              <tr>
                {view.columns.map((c) => (
                  <th key={c.label} scope="col">
                    {c.label}
                  </th>
                ))}
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={view.idOf(r)}>
                  {view.columns.map((c) => (
                    <td key={c.label}>{c.cell(r)}</td>
                  ))}
                  <td>
                    <a href={`/admin/${view.key}/${view.idOf(r)}`}>Edit {view.nameOf(r)}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <section class="taxonomy-new" aria-labelledby="new-heading">
          <h2 id="new-heading">New {view.noun}</h2>
          <Notices notice={notice.field || notice.problem ? { problem: notice.problem, field: notice.field } : {}} />
          <ResourceForm action={`/admin/${view.key}`} fields={options.fields} values={options.values} notice={notice} submit={`Create ${view.noun}`} prefix="new" editing={false} />
        </section>
      </>
    ),
  });
}

export function editPage<R>(options: { look: Look | null; staff: Staff; view: ResourceView<R>; record: R; fields: FieldDef[]; values: FormValues; notice: Notice; extra?: ComponentChildren }): string {
  const { view, record } = options;
  const base = `/admin/${view.key}/${view.idOf(record)}`;
  return adminPage({
    look: options.look,
    staff: options.staff,
    title: `Edit ${view.noun}: ${view.nameOf(record)}`,
    active: view.key,
    wide: true,
    children: (
      <>
        <p>
          <a href={`/admin/${view.key}`}>← All {view.noun}s</a>
        </p>
        <Notices notice={options.notice} />
        <ResourceForm action={base} fields={options.fields} values={options.values} notice={options.notice} submit="Save" prefix="edit" editing={true} />
        {options.extra}
        <h2>Delete</h2>
        <p>
          <a class="taxonomy-delete-link" href={`${base}/delete`}>
            Delete this {view.noun}…
          </a>
        </p>
      </>
    ),
  });
}

export function confirmDeletePage<R>(options: { look: Look | null; staff: Staff; view: ResourceView<R>; record: R; notice: Notice; consequence?: string }): string {
  const { view, record } = options;
  const base = `/admin/${view.key}/${view.idOf(record)}`;
  return adminPage({
    look: options.look,
    staff: options.staff,
    title: `Delete ${view.noun}: ${view.nameOf(record)}?`,
    active: view.key,
    children: (
      <>
        <Notices notice={options.notice} />
        <p>This cannot be undone.{options.consequence ? ` ${options.consequence}` : ''}</p>
        <form method="post" action={`${base}/delete`} class="admin-form">
          <input type="hidden" name="confirm" value="yes" />
          <p>
            <button type="submit" class="danger">
              Delete {view.noun}
            </button>{' '}
            <a href={base}>Cancel</a>
          </p>
        </form>
      </>
    ),
  });
}
