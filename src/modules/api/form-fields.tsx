/** The labelled inputs of the staff admin's forms. */

export function Field(props: { name: string; label: string; value: string | number; type?: 'text' | 'number' | 'email' | 'password' | 'color'; hint?: string; min?: number; max?: number }) {
  return (
    <p>
      <label for={props.name}>{props.label}</label>
      {props.type === 'password' ? (
        <input id={props.name} name={props.name} type="password" autocomplete="new-password" />
      ) : (
        // Preact types each input type separately; these all take a value and optional bounds.
        <input id={props.name} name={props.name} type={(props.type ?? 'text') as 'text'} value={String(props.value)} {...(props.min !== undefined ? { min: props.min } : {})} {...(props.max !== undefined ? { max: props.max } : {})} />
      )}
      {props.hint ? <small class="field-hint">{props.hint}</small> : null}
    </p>
  );
}

export function Check(props: { name: string; label: string; checked: boolean }) {
  return (
    <p class="admin-check">
      <input id={props.name} name={props.name} type="checkbox" value="on" checked={props.checked} />
      <label for={props.name}>{props.label}</label>
    </p>
  );
}

export function Select(props: { name: string; label: string; value: string; options: readonly (readonly [value: string, label: string])[]; hint?: string }) {
  return (
    <p>
      <label for={props.name}>{props.label}</label>
      <select id={props.name} name={props.name}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
      {props.hint ? <small class="field-hint">{props.hint}</small> : null}
    </p>
  );
}
