import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDoc, type Doc } from '../../src/modules/publishing/body-schema.js';
import { embedFromFrame, htmlToDoc, ownMediaId } from '../../src/modules/publishing/html-to-doc.js';

const SITE = { publicUrl: 'http://localhost:3000' };
const json = (d: Doc) => JSON.stringify(d);

describe('htmlToDoc', () => {
  it('turns any string into a document that passes checkDoc, without throwing', () => {
    const tag = fc.constantFrom('p', 'h1', 'h2', 'h4', 'b', 'i', 'em', 'strong', 'a href="https://x.org"', 'a href="javascript:x"', 'ul', 'ol start="3"', 'li', 'blockquote', 'figure', 'figcaption', 'br', 'img src="/media/5/v/w.webp" alt="x"', 'iframe src="https://www.youtube.com/embed/abcdefgh"', 'script', 'style', 'div', 'span', 'table', 'td');
    const piece = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 20 }),
      tag.map((t) => `<${t}>`),
      tag.map((t) => `</${t.split(' ')[0]}>`),
      fc.constantFrom('&amp;', '&lt;', '&#0;', '\u0000', '<!--', '-->', '<![CDATA[', '"', "'", '<', '>', '\n', ' '),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''))), (html) => {
        const doc = htmlToDoc(html, SITE);
        assert.deepEqual(checkDoc(doc), [], `${JSON.stringify(html)} → ${json(doc)}`);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps structure: headings, paragraphs, marks, lists, quotes', () => {
    const doc = htmlToDoc('<h1>Title</h1><h4>Small</h4><div>one</div><div>two <b>bold <i>both</i></b></div><ol start="3"><li>a</li><li>b</li></ol><blockquote><p>q1</p>q2</blockquote>', SITE);
    assert.deepEqual(doc.content, [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Small' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'one' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'two ' },
          { type: 'text', text: 'bold ', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b' }] }] },
        ],
      },
      {
        type: 'blockquote',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'q1' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'q2' }] },
        ],
      },
    ]);
  });

  it('drops scripts, styles, handlers and unsafe links but keeps their text where it is text', () => {
    const doc = htmlToDoc(
      '<p onmouseover="x()">Read <a href="javascript:alert(1)">this</a>, <a href="data:text/html,x">that</a>, <a href=" vbscript:x">other</a> and <a href="mailto:desk@example.org">us</a>.</p><script>alert(1)</script><style>p{color:red}</style><marquee>moving</marquee>',
      SITE,
    );
    const text = json(doc);
    for (const bad of ['alert', 'onmouseover', 'javascript', 'data:', 'vbscript', 'color:red', 'marquee']) assert.ok(!text.includes(bad), bad);
    assert.match(text, /this/u);
    assert.match(text, /moving/u, 'the text of an unknown tag stays');
    assert.match(text, /mailto:desk@example\.org/u);
  });

  it('keeps only our own media as images, and only allow-listed players as embeds', () => {
    const doc = htmlToDoc(
      [
        '<img src="/media/7/abc/w800.webp" alt="Ours">',
        '<img src="http://localhost:3000/media/8/abc/w800.webp">',
        '<img src="https://elsewhere.example/media/9/x.jpg">',
        '<img src="/media/0/x">',
        '<figure><img src="/media/10/v/x.jpg"><figcaption>Caption <b>here</b></figcaption></figure>',
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe>',
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=3"></iframe>',
        '<iframe src="https://evil.example/embed/dQw4w9WgXcQ"></iframe>',
        '<iframe src="http://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
      ].join(''),
      SITE,
    );
    assert.deepEqual(doc.content, [
      { type: 'image', attrs: { mediaId: 7, alt: 'Ours' } },
      { type: 'image', attrs: { mediaId: 8 } },
      { type: 'image', attrs: { mediaId: 10, caption: 'Caption here' } },
      { type: 'embed', attrs: { url: 'https://vimeo.com/76979871', provider: 'Vimeo' } },
      { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', provider: 'YouTube' } },
    ]);
    assert.equal(ownMediaId('/media/12/x', undefined), 12);
    assert.equal(ownMediaId('//media/12/x', undefined), null);
    assert.equal(embedFromFrame('javascript:alert(1)'), null);
  });

  it('stays within the schema limits and time for large and deeply nested input', () => {
    const started = Date.now();
    const deep = htmlToDoc(`${'<b><i>'.repeat(50_000)}deep`);
    assert.deepEqual(checkDoc(deep), []);
    assert.match(json(deep), /deep/u);
    const many = htmlToDoc('<p>x</p>'.repeat(5_000));
    assert.deepEqual(checkDoc(many), []);
    assert.equal(many.content.length, 2_000, 'the schema allows 2,000 blocks');
    const long = htmlToDoc(`<p>${'word '.repeat(60_000)}</p>`);
    assert.deepEqual(checkDoc(long), []);
    const items = htmlToDoc(`<ul>${'<li>i</li>'.repeat(1_200)}</ul>`);
    assert.deepEqual(checkDoc(items), []);
    assert.ok(Date.now() - started < 20_000, 'bounded time');
  });
});
