/** A refusal meant for a person: the message can be shown as is, the status is the HTTP one. */
export class AccountsError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409,
  ) {
    super(message);
    this.name = 'AccountsError';
  }
}
