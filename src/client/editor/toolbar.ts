/**
 * The formatting toolbar. Its buttons are in the page (with their accessible names); this wires
 * each `data-cmd` to an editor command and keeps `aria-pressed` in step with the selection.
 */
import type { Editor } from '@tiptap/core';
import type { EditorMedia } from '../../modules/publishing/admin/editor-data.js';
import { api } from './api.js';
import type { MediaPicker } from './media-picker.js';

interface Resolved {
  url: string;
  provider?: string;
  title?: string;
  frameId?: string;
  playerUrl?: string;
  width?: number;
  height?: number;
}

/** Position just after the top-level block holding the selection: where a new image or embed goes. */
function afterCurrentBlock(editor: Editor): number {
  const { $from } = editor.state.selection;
  return $from.depth === 0 ? $from.pos : $from.after(1);
}

export function toolbar(editor: Editor, picker: MediaPicker, say: (message: string) => void) {
  const bar = document.getElementById('editor-toolbar');
  if (!bar) return;
  const chain = () => editor.chain().focus();

  function insertBlock(node: { type: string; attrs: Record<string, unknown> }) {
    chain().insertContentAt(afterCurrentBlock(editor), node).run();
  }

  const commands: Record<string, () => void | Promise<void>> = {
    paragraph: () => void chain().setParagraph().run(),
    h2: () => void chain().toggleHeading({ level: 2 }).run(),
    h3: () => void chain().toggleHeading({ level: 3 }).run(),
    bold: () => void chain().toggleBold().run(),
    italic: () => void chain().toggleItalic().run(),
    link: () => {
      const previous = String(editor.getAttributes('link').href ?? '');
      const href = window.prompt('Link address (leave empty to remove the link)', previous || 'https://');
      if (href === null) return;
      if (href.trim() === '' || href.trim() === 'https://') chain().extendMarkRange('link').unsetLink().run();
      else if (!chain().extendMarkRange('link').setLink({ href: href.trim() }).run()) say('That link address is not allowed: use an http, https or mailto address.');
    },
    bulletList: () => void chain().toggleBulletList().run(),
    orderedList: () => void chain().toggleOrderedList().run(),
    blockquote: () => void chain().toggleBlockquote().run(),
    pullQuote: () => void (editor.isActive('pullQuote') ? chain().setParagraph().run() : chain().setPullQuote().run()),
    hardBreak: () => void chain().setHardBreak().run(),
    image: async () => {
      const media: EditorMedia | null = await picker.choose();
      if (media) insertBlock({ type: 'image', attrs: { mediaId: media.id, alt: media.alt, caption: media.caption, credit: media.credit } });
      else editor.commands.focus();
    },
    embed: async () => {
      const url = window.prompt('Address of the post or video to embed (YouTube, Vimeo, X, Instagram, TikTok …)');
      if (!url?.trim()) return;
      say('Looking up the embed…');
      const result = await api<Resolved>('GET', `/api/admin/embeds/resolve?url=${encodeURIComponent(url.trim())}`);
      if (!result.data) return say(`Not embedded: ${result.error}`);
      const { provider, title, frameId, playerUrl, width, height } = result.data;
      insertBlock({ type: 'embed', attrs: { url: result.data.url || url.trim(), provider, title, frameId, playerUrl, width, height } });
      say('Embed added.');
    },
    rawHtml: () => insertBlock({ type: 'rawHtml', attrs: { html: '<p>Replace this HTML</p>', height: 300, title: '' } }),
    undo: () => void chain().undo().run(),
    redo: () => void chain().redo().run(),
  };

  // A mouse press on a tool must not take focus from the text: the caret and selection stay
  // where they were, and typing straight after a click goes into the document.
  bar.addEventListener('mousedown', (event) => {
    if ((event.target as Element).closest('button[data-cmd]')) event.preventDefault();
  });

  bar.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-cmd]');
    const run = button ? commands[button.dataset.cmd ?? ''] : undefined;
    if (run) void run();
  });

  const pressed: Record<string, () => boolean> = {
    h2: () => editor.isActive('heading', { level: 2 }),
    h3: () => editor.isActive('heading', { level: 3 }),
    bold: () => editor.isActive('bold'),
    italic: () => editor.isActive('italic'),
    link: () => editor.isActive('link'),
    bulletList: () => editor.isActive('bulletList'),
    orderedList: () => editor.isActive('orderedList'),
    blockquote: () => editor.isActive('blockquote'),
    pullQuote: () => editor.isActive('pullQuote'),
  };
  const refresh = () => {
    for (const button of bar.querySelectorAll<HTMLButtonElement>('button[data-cmd]')) {
      const isPressed = pressed[button.dataset.cmd ?? ''];
      if (isPressed) button.setAttribute('aria-pressed', String(isPressed()));
    }
  };
  editor.on('selectionUpdate', refresh);
  editor.on('transaction', refresh);
  refresh();

  return {
    setDisabled(disabled: boolean) {
      for (const button of bar.querySelectorAll('button')) button.disabled = disabled;
    },
  };
}
