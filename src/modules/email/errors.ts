/** A message that cannot be sent as given (bad address, header injection): a 400 for whoever asked. */
export class EmailError extends Error {
  readonly status = 400;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
