/**
 * Replies arrive chronologically (that is how they page); readers want them under what they
 * answer. Within one batch each reply goes after its parent's subtree so far, indentation stops
 * at depth 3, and a reply says whom it answers when indentation cannot (deeper than 3, or its
 * parent is not in this batch).
 */
import { MAX_DISPLAY_DEPTH, type CommentView } from './types.js';

export interface ArrangedReply {
  comment: CommentView;
  /** 1 to 3: how far it is indented under its top-level comment. */
  displayDepth: number;
  /** "replying to <name>", or null when the indentation says it. */
  replyingTo: string | null;
}

export function arrangeReplies(rootId: number, replies: CommentView[]): ArrangedReply[] {
  const present = new Set(replies.map((r) => r.id));
  const children = new Map<number, CommentView[]>();
  const tops: CommentView[] = [];
  for (const reply of replies) {
    const parent = reply.parentId;
    // Under the root, or under a parent that is not in this batch (earlier page, or removed).
    if (parent === null || parent === rootId || !present.has(parent)) tops.push(reply);
    else children.set(parent, [...(children.get(parent) ?? []), reply]);
  }
  const out: ArrangedReply[] = [];
  const visit = (reply: CommentView) => {
    const indented = reply.depth <= MAX_DISPLAY_DEPTH && (reply.parentId === rootId || (reply.parentId !== null && present.has(reply.parentId)));
    out.push({
      comment: reply,
      displayDepth: Math.min(Math.max(reply.depth, 1), MAX_DISPLAY_DEPTH),
      replyingTo: indented ? null : (reply.replyTo?.name ?? null),
    });
    for (const child of children.get(reply.id) ?? []) visit(child);
  };
  tops.forEach(visit);
  return out;
}
