import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderBody, safeHref } from '../../src/modules/publishing/render-body.js';
import { checkDoc, type Doc } from '../../src/modules/publishing/body-schema.js';

const doc = (content: Doc['content']): Doc => ({ type: 'doc', content });
const html = (d: Doc) => renderBody(d, new Map()).map((p) => p.html).join('');

describe('body rendering', () => {
  it('renders every block type with its kind', () => {
    const parts = renderBody(
      doc([
        { type: 'paragraph', content: [{ type: 'text', text: 'Hello ' }, { type: 'text', text: 'world', marks: [{ type: 'bold' }] }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A subheading' }] },
        { type: 'blockquote', attrs: { cite: 'Mayor Ruiz' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We will fix it.' }] }] },
        { type: 'pullQuote', attrs: { attribution: 'A resident' }, content: [{ type: 'text', text: 'It matters.' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }] },
        { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=abc', provider: 'YouTube', title: 'Council meeting' } },
      ]),
      new Map(),
    );
    assert.deepEqual(parts.map((p) => p.kind), ['paragraph', 'heading', 'quote', 'pullquote', 'list', 'embed']);
    assert.equal(parts[0]?.html, '<p>Hello <strong>world</strong></p>');
    assert.match(parts[2]?.html ?? '', /<blockquote class="quote"><p>We will fix it.<\/p><footer>&#8212; Mayor Ruiz<\/footer><\/blockquote>/u);
    assert.match(parts[3]?.html ?? '', /<figure class="pullquote">.*It matters\..*<figcaption>A resident<\/figcaption>/u);
    assert.match(parts[5]?.html ?? '', /<a href="https:\/\/www.youtube.com\/watch\?v=abc" rel="noopener nofollow">/u);
  });

  it('escapes text so markup in content stays text', () => {
    const out = html(doc([{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script> & "quotes"' }] }]));
    assert.doesNotMatch(out, /<script/u);
    assert.match(out, /^<p>&lt;script>alert\(1\)&lt;\/script> &amp; (&quot;|")quotes(&quot;|")<\/p>$/u);
  });

  it('stores non-ASCII text as character references (same HTML, one-byte strings)', () => {
    assert.equal(html(doc([{ type: 'paragraph', content: [{ type: 'text', text: 'It’s café — 🦆' }] }])), '<p>It&#8217;s caf&#233; &#8212; &#129414;</p>');
  });

  it('drops links with unsafe schemes but keeps their text', () => {
    for (const href of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '//evil.example/x']) {
      const out = html(doc([{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href } }] }] }]));
      assert.equal(out, '<p>click</p>', href);
    }
    assert.equal(safeHref('/local/page', false), '/local/page');
    assert.equal(safeHref('mailto:desk@example.org', false), 'mailto:desk@example.org');
    assert.equal(safeHref('mailto:desk@example.org', true), null);
  });

  it('never renders an embed with a non-http URL', () => {
    assert.equal(html(doc([{ type: 'embed', attrs: { url: 'javascript:alert(1)//' } }])), '');
  });

  it('refuses documents outside the closed schema', () => {
    assert.equal(checkDoc(doc([{ type: 'paragraph' }])).length, 0);
    assert.ok(checkDoc({ type: 'doc', content: [{ type: 'script', text: 'x' }] }).length > 0);
    assert.ok(checkDoc({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'style', attrs: { css: 'x' } }] }] }] }).length > 0);
    assert.ok(checkDoc({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }] }).length > 0);
  });
});
