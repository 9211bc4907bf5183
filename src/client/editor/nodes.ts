/**
 * The editor's schema, kept to the closed block schema (src/modules/publishing/body-schema.ts):
 * StarterKit without the nodes the schema lacks, quotes and list items holding paragraphs only,
 * and our own nodes for pull quotes, library images, embeds and raw HTML. Anything pasted that
 * does not fit is dropped by ProseMirror's parser, so the server never sees it.
 */
import { Node, mergeAttributes, type Extensions } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import type { EditorMedia } from '../../modules/publishing/admin/editor-data.js';
import { el } from './dom.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: { setPullQuote: () => ReturnType };
  }
}

const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return { attribution: { default: null, parseHTML: (e) => e.getAttribute('data-attribution'), renderHTML: (a) => (a.attribution ? { 'data-attribution': a.attribution } : {}) } };
  },
  parseHTML: () => [{ tag: 'p[data-pull-quote]' }, { tag: 'aside.pull-quote p' }],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes(HTMLAttributes, { 'data-pull-quote': '', class: 'editor-pull-quote' }), 0],
  addCommands() {
    return { setPullQuote: () => ({ commands }) => commands.setNode(this.name) };
  },
});

/** A text field inside a node view that writes one attribute back into the document. */
function attrInput(label: string, value: string, onChange: (value: string) => void, multiline = false): HTMLElement {
  const input = multiline ? el('textarea', { rows: '6' }) : el('input', { type: 'text' });
  input.value = value;
  // Every keystroke, so an autosave in the middle of typing keeps what is typed so far.
  input.addEventListener('input', () => onChange(input.value));
  return el('label', { class: 'editor-attr' }, [el('span', {}, [label]), input]);
}

interface MediaLookup {
  (id: number): EditorMedia | undefined;
}

/** An image from the media library: the document keeps its id and this use's caption, credit and alt text. */
function mediaImage(lookup: MediaLookup) {
  return Node.create({
    name: 'image',
    group: 'block',
    atom: true,
    draggable: true,
    addAttributes() {
      return { mediaId: { default: null }, caption: { default: '' }, credit: { default: '' }, alt: { default: '' } };
    },
    parseHTML: () => [{ tag: 'figure[data-media-id]', getAttrs: (e) => ({ mediaId: Number(e.getAttribute('data-media-id')) || null }) }],
    renderHTML: ({ node }) => ['figure', { 'data-media-id': String(node.attrs.mediaId) }],
    addNodeView() {
      return ({ node, getPos, editor }) => {
        const set = (name: string) => (value: string) => {
          const pos = getPos();
          if (typeof pos !== 'number') return;
          editor.view.dispatch(editor.view.state.tr.setNodeAttribute(pos, name, value));
        };
        const media = lookup(Number(node.attrs.mediaId));
        const img = el('img', { alt: String(node.attrs.alt || media?.alt || ''), src: media?.thumbnailUrl ?? '' });
        const fields = el('div', { class: 'editor-figure-fields' }, [
          attrInput('Alt text (describe the image for people who cannot see it)', String(node.attrs.alt ?? ''), set('alt')),
          attrInput('Caption', String(node.attrs.caption ?? ''), set('caption')),
          attrInput('Credit', String(node.attrs.credit ?? ''), set('credit')),
        ]);
        const dom = el('figure', { class: 'editor-figure', 'data-media-id': String(node.attrs.mediaId) }, [img, fields]);
        return {
          dom,
          stopEvent: (event) => event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement,
          ignoreMutation: () => true,
          update: (updated) => updated.type.name === 'image' && updated.attrs.mediaId === node.attrs.mediaId,
        };
      };
    },
  });
}

/** An embed by URL (resolved server-side against the provider allow-list); shown as a labelled box. */
const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { url: { default: '' }, provider: { default: null }, title: { default: null }, frameId: { default: null }, playerUrl: { default: null }, width: { default: null }, height: { default: null } };
  },
  parseHTML: () => [{ tag: 'div[data-embed-url]', getAttrs: (e) => ({ url: e.getAttribute('data-embed-url') ?? '' }) }],
  renderHTML: ({ node }) => ['div', { 'data-embed-url': String(node.attrs.url) }],
  addNodeView() {
    return ({ node }) => {
      const label = `${node.attrs.provider ? `${String(node.attrs.provider)} embed` : 'Embed'}${node.attrs.title ? `: ${String(node.attrs.title)}` : ''}`;
      const dom = el('div', { class: 'editor-embed' }, [el('strong', {}, [label]), el('span', {}, [String(node.attrs.url)])]);
      return { dom, ignoreMutation: () => true };
    };
  },
});

/** Raw HTML (editors only): edited as text here, rendered in a sandboxed frame on the site. */
const RawHtml = Node.create({
  name: 'rawHtml',
  group: 'block',
  atom: true,
  addAttributes() {
    return { html: { default: '' }, height: { default: null }, title: { default: null } };
  },
  parseHTML: () => [{ tag: 'div[data-raw-html]', getAttrs: (e) => ({ html: e.getAttribute('data-raw-html') ?? '' }) }],
  renderHTML: ({ node }) => ['div', { 'data-raw-html': String(node.attrs.html) }],
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const set = (name: string) => (value: string) => {
        const pos = getPos();
        if (typeof pos !== 'number') return;
        const parsed = name === 'height' ? Number(value) || null : value;
        editor.view.dispatch(editor.view.state.tr.setNodeAttribute(pos, name, parsed));
      };
      const dom = el('div', { class: 'editor-raw-html' }, [
        el('strong', {}, ['Raw HTML (shown in a sandboxed frame)']),
        attrInput('Title (for screen readers)', String(node.attrs.title ?? ''), set('title')),
        attrInput('HTML', String(node.attrs.html ?? ''), set('html'), true),
        attrInput('Height in pixels', node.attrs.height ? String(node.attrs.height) : '', set('height')),
      ]);
      return {
        dom,
        stopEvent: (event) => event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement,
        ignoreMutation: () => true,
        update: (updated) => updated.type.name === 'rawHtml',
      };
    };
  },
});

export function editorExtensions(lookup: MediaLookup): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      blockquote: false,
      listItem: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      link: { openOnClick: false, autolink: true, protocols: [], defaultProtocol: 'https', HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null } },
    }),
    // The schema's quotes and list items hold paragraphs only (no nested lists, no headings).
    Blockquote.extend({ content: 'paragraph+' }),
    ListItem.extend({ content: 'paragraph+' }),
    PullQuote,
    mediaImage(lookup),
    Embed,
    RawHtml,
  ];
}
