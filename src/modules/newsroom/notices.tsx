/** The one way admin forms say what went wrong (an alert) or what was done (a status line). */

export interface Notice {
  problem?: string;
  /** The form field the problem is about, marked invalid and described by the message. */
  field?: string;
  done?: string;
}

export function Notices({ notice }: { notice: Notice }) {
  return (
    <>
      {notice.problem ? (
        <p class="form-problem" role="alert" id="form-problem">
          {notice.problem}
        </p>
      ) : null}
      {notice.done ? (
        <p class="form-done" role="status">
          {notice.done}
        </p>
      ) : null}
    </>
  );
}
