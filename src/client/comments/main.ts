/**
 * StructureCMS Comments in the browser: enhances the server-rendered section under an article
 * (src/modules/comments/views/section.tsx), which works on its own without JavaScript. Signed-in
 * readers get inline replies, likes, edit, delete and report; everyone gets "load more" in place
 * and new comments live over Server-Sent Events.
 */
import { enhance, enhanceForm, markLiked } from './actions.js';
import { call } from './api.js';
import { all } from './dom.js';
import { startLive } from './live.js';
import { enhancePaging } from './paging.js';
import { createThread, type Reader } from './thread.js';

interface Me {
  reader: Reader | null;
  liked: number[];
}

/** The URL limit leaves room for this many ids per question. */
const IDS_PER_ASK = 150;

const ask = (ids: number[]) => call<Me>('GET', `/api/comments/me?ids=${ids.join(',')}`);

async function start(section: HTMLElement): Promise<void> {
  const t = createThread(section);
  enhancePaging(t);
  startLive(t);
  // In a frame on another site the reader signs in later, in a popup, and the frame script holds
  // their token in memory when the browser refuses it storage (see assets/comments-embed-frame.js).
  document.addEventListener('structurecms-comments:signed-in', () => void learnReader(t, section));
  document.addEventListener('structurecms-comments:signed-out', () => {
    if (t.reader) location.reload();
  });
  await learnReader(t, section);
}

/** Who is reading, and which comments they liked; signed in, their buttons on every comment. */
async function learnReader(t: ReturnType<typeof createThread>, section: HTMLElement): Promise<void> {
  if (t.reader) return;
  const ids = all(section, 'article[data-comment]').map((a) => Number(a.dataset.comment));
  const me = (await ask(ids.slice(0, IDS_PER_ASK))).data;
  if (!me?.reader || t.reader) return;
  t.reader = me.reader;
  t.enhance = (article) => enhance(t, article);
  t.learnLiked = async (more) => {
    for (let i = 0; i < more.length; i += IDS_PER_ASK) {
      for (const id of (await ask(more.slice(i, i + IDS_PER_ASK))).data?.liked ?? []) markLiked(t, id, true);
    }
  };
  for (const id of me.liked) t.liked.add(id);
  for (const article of all(section, 'article[data-comment]')) enhance(t, article);
  enhanceForm(t);
  await t.learnLiked(ids.slice(IDS_PER_ASK));
}

const section = document.querySelector<HTMLElement>('section.comments[data-story]');
if (section) void start(section);
