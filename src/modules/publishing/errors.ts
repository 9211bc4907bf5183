/** A refusal the publishing module explains: a 4xx with the field at fault, shown to the person. */
export class PublishingError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly status: number = 400,
  ) {
    super(message);
  }
}
