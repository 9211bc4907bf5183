/**
 * The edit lock: taken when the editor opens, renewed every 20 seconds, released when the page
 * closes. While someone else holds it the page is read-only, with a banner and a "Take over" button.
 */
import { api } from './api.js';
import { must } from './dom.js';

export const HEARTBEAT_MS = 20_000;

interface Holder {
  userId: number;
  name: string;
  expiresAt: string;
}

export function editLock(articleId: number, setReadOnly: (readOnly: boolean) => void) {
  const banner = must('lock-banner');
  const text = must('lock-text');
  const takeOver = must<HTMLButtonElement>('lock-take-over');
  const url = `/api/admin/articles/${articleId}/lock`;
  let held = false;

  function heldBy(holder: Holder | null) {
    held = holder === null;
    banner.hidden = held;
    if (holder) text.textContent = `${holder.name} is editing this article. You can read it, but your changes would not be saved until you take over.`;
    setReadOnly(!held);
  }

  async function acquire(force: boolean) {
    const result = await api<Holder>('POST', url, force ? { takeOver: true } : {});
    if (result.ok) return heldBy(null);
    if (result.status === 423) {
      const holder = (result.body as { holder?: Holder } | null)?.holder;
      return heldBy(holder ?? { userId: 0, name: 'Someone else', expiresAt: '' });
    }
    // A failed heartbeat (network) keeps the current state: the next one will tell.
  }

  takeOver.addEventListener('click', () => void acquire(true));
  const timer = setInterval(() => void acquire(false), HEARTBEAT_MS);
  window.addEventListener('pagehide', () => {
    clearInterval(timer);
    if (held) void fetch(url, { method: 'DELETE', keepalive: true, credentials: 'same-origin' }).catch(() => undefined);
  });

  return {
    start: () => acquire(false),
    /** A save was refused with 423: someone took the article over. */
    lost: () => acquire(false),
    get held() {
      return held;
    },
  };
}
