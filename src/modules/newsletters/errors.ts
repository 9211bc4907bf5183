/** Input a person can correct (a bad address, an unknown list): a 4xx with a sentence to show them. */
export class NewsletterError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 410 = 400,
  ) {
    super(message);
  }
}
