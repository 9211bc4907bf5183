/**
 * The editor's JSON → the closed block schema: whatever Tiptap adds for its own bookkeeping is
 * dropped, so a save is never refused for it, and what the schema lacks never reaches the server.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDoc } from '../../src/modules/publishing/body-schema.js';
import { countWords, toSchemaDoc } from '../../src/client/editor/to-schema.js';
import { readingMinutes, scriptJson } from '../../src/modules/publishing/admin/editor-data.js';

describe('editor document to block schema', () => {
  it('keeps the schema’s attributes and drops Tiptap’s extras', () => {
    const tiptap = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, id: null }, content: [{ type: 'text', text: 'Title' }] },
        {
          type: 'paragraph',
          attrs: { textAlign: null },
          content: [
            { type: 'text', text: 'A ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org', target: '_blank', rel: 'noopener', class: null } }, { type: 'strike' }] },
            { type: 'hardBreak' },
          ],
        },
        { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [] },
        { type: 'blockquote', content: [{ type: 'paragraph' }] },
        { type: 'pullQuote', attrs: { attribution: null }, content: [{ type: 'text', text: 'Quoted' }] },
        { type: 'image', attrs: { mediaId: 7, alt: 'A bridge', caption: '', credit: null, src: '/x.png' } },
        { type: 'image', attrs: { mediaId: null } },
        { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=x', provider: 'YouTube', title: null, frameId: null, width: 640, height: 360 } },
        { type: 'rawHtml', attrs: { html: '', height: null, title: null } },
        { type: 'codeBlock', content: [{ type: 'text', text: 'not in the schema' }] },
        { type: 'paragraph' },
        { type: 'paragraph' },
      ],
    };
    const doc = toSchemaDoc(tiptap);
    assert.deepEqual(checkDoc(doc), [], 'the result fits the closed schema');
    assert.deepEqual(doc.content, [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'A ', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
          { type: 'hardBreak' },
        ],
      },
      { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph' }] },
      { type: 'pullQuote', content: [{ type: 'text', text: 'Quoted' }] },
      { type: 'image', attrs: { mediaId: 7, alt: 'A bridge' } },
      { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=x', provider: 'YouTube', width: 640, height: 360 } },
    ]);
  });

  it('stores an empty editor as an empty body', () => {
    assert.deepEqual(toSchemaDoc({ type: 'doc', content: [{ type: 'paragraph' }] }), { type: 'doc', content: [] });
  });

  it('counts words and reading time as the server does', () => {
    assert.equal(countWords('  one two\nthree  '), 3);
    assert.equal(countWords(''), 0);
    assert.equal(readingMinutes(0), 0);
    assert.equal(readingMinutes(10), 1);
    assert.equal(readingMinutes(460), 2);
  });

  it('escapes JSON so it cannot end its script element', () => {
    const json = scriptJson({ h: '</script><!-- \u2028' });
    assert.doesNotMatch(json, /[<\u2028]/u);
    assert.deepEqual(JSON.parse(json), { h: '</script><!-- \u2028' });
  });
});
