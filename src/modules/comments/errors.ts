import { HttpError } from '../../http/errors.js';

/**
 * A refusal a reader can act on: the status and a sentence. An HttpError, so a route that lets
 * it through answers properly (JSON under /api, text elsewhere) without translating it.
 */
export class CommentsError extends HttpError {
  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(status, message, headers);
  }
}

export const noSuchComment = () => new CommentsError(404, 'There is no such comment, or it is not yours.');
