import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { renderCommentText } from '../../src/modules/comments/text.js';
import { textHash } from '../../src/modules/comments/moderation/fingerprint.js';
import { CommentsError } from '../../src/modules/comments/errors.js';

const html = (text: string) => renderCommentText(text).html;

function refused(text: unknown, status: number, message: RegExp) {
  assert.throws(
    () => renderCommentText(text),
    (error: unknown) => error instanceof CommentsError && error.status === status && message.test(error.publicMessage),
  );
}

describe('comment text', () => {
  it('renders the small subset: paragraphs, line breaks, italics, bold, links and quotes', () => {
    assert.equal(html('Hello *world* and **you**\nsecond line\n\n> quoted\n\nlast'), '<p>Hello <em>world</em> and <strong>you</strong><br />\nsecond line</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>last</p>');
    assert.equal(html('[the report](https://example.com/a?b=1&c=2)'), '<p><a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener">the report</a></p>');
  });

  it('leaves everything else as text: headings, lists, code, images, tables, autolinks', () => {
    const out = html('# Title\n- item\n`code`\n![alt](https://example.com/x.png)\n<https://example.com>\n~~struck~~\n---');
    const $ = cheerio.load(out);
    assert.equal($('h1, ul, li, code, img, table, hr, s, del').length, 0);
    assert.match($.text(), /# Title/u);
    assert.match($.text(), /`code`/u);
  });

  it('escapes HTML and drops script, event handlers, SVG, MathML and style', () => {
    for (const attack of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<style>body{display:none}</style>', '<a href="javascript:alert(1)">x</a>']) {
      const out = html(attack);
      const $ = cheerio.load(out);
      assert.equal($('script, img, svg, math, style, a').length, 0, attack);
      assert.equal($('*[onload], *[onerror]').length, 0, attack);
      assert.ok(out.includes('&lt;'), `${attack} is shown as text`);
    }
  });

  it('drops javascript:, data:, vbscript:, relative and protocol-relative links, keeping their text', () => {
    for (const link of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', '/relative', '//evil.example/x', ' javascript:alert(1)']) {
      const out = html(`[click](${link})`);
      assert.equal(cheerio.load(out)('a').length, 0, link);
      assert.match(out, /click/u);
    }
    const mail = cheerio.load(html('[mail me](mailto:someone@example.com)'))('a');
    assert.equal(mail.attr('href'), 'mailto:someone@example.com');
    assert.equal(mail.attr('rel'), 'nofollow ugc noopener');
    assert.equal(mail.attr('target'), undefined);
  });

  it('removes direction overrides, zero-width spaces and control characters, but keeps ZWJ emoji', () => {
    const rendered = renderCommentText('evil\u202Etxt.exe\u200B\u2066x\u0007 family 👨\u200D👩\u200D👧');
    assert.equal(rendered.text, 'eviltxt.exex family 👨\u200D👩\u200D👧');
  });

  it('collects every link, marked up or bare, for the link limit', () => {
    assert.deepEqual(renderCommentText('see [a](https://a.example/) and https://b.example/x?y=1 too').links, ['https://a.example/', 'https://b.example/x?y=1']);
  });

  it('refuses empty text, text that is not text, a 100 KB comment and Zalgo text', () => {
    refused('   \n\u200B ', 400, /empty/u);
    refused(42, 400, /text box/u);
    refused(undefined, 400, /text box/u);
    refused('x'.repeat(100 * 1024), 413, /too long/u);
    refused(`a${'\u0301'.repeat(5000)}`, 400, /accents or marks/u);
    // A few marks, as real languages use them, are fine.
    assert.ok(html('Tiếng Việt ở đây, हिन्दी'));
  });

  it('hashes the same words the same way, whatever the spacing or capitals', () => {
    assert.equal(textHash('Hello   World'), textHash('hello world'));
    assert.notEqual(textHash('hello world'), textHash('hello there'));
  });
});
