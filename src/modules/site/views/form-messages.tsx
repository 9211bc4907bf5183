/** The two messages a public form page shows above its fields: what went wrong, or what happened. */

export function Problem({ message }: { message: string | null | undefined }) {
  return message ? (
    <p class="form-problem" role="alert">
      {message}
    </p>
  ) : null;
}

export function Notice({ message }: { message: string | null | undefined }) {
  return message ? (
    <p class="form-notice" role="status">
      {message}
    </p>
  ) : null;
}
