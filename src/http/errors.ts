/**
 * The error model: a public message a person can act on, and private details that only reach
 * the log. Nothing from a thrown error's stack or internals is ever sent to a client.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Shown to the client as is. */
    readonly publicMessage: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(publicMessage);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message = 'There is nothing at this address.') => new HttpError(404, message);
