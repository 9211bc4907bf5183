/**
 * What publishing tells the rest of the app after a change is committed: webhooks deliver these,
 * and later modules (newsletters) may listen too. In-process only; anything that must survive a
 * crash is enqueued as a job by the listener.
 */
export type ArticleEventType = 'article.published' | 'article.updated' | 'article.unpublished';

export interface ArticleEvent {
  type: ArticleEventType;
  articleId: number;
  slug: string;
  headline: string;
  /** Public URL of the article (absolute). */
  url: string;
  at: number;
}

export type ArticleListener = (event: ArticleEvent) => void | Promise<void>;

export interface ArticleEvents {
  emit(event: ArticleEvent): Promise<void>;
  on(listener: ArticleListener): void;
}

export function createArticleEvents(onError: (error: unknown) => void): ArticleEvents {
  const listeners: ArticleListener[] = [];
  return {
    async emit(event) {
      for (const listener of listeners) {
        try {
          await listener(event);
        } catch (error) {
          onError(error);
        }
      }
    },
    on(listener) {
      listeners.push(listener);
    },
  };
}
