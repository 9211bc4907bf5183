/**
 * Text made safe for XML. Escaping alone is not enough: XML 1.0 forbids most control characters
 * even as entities, and editors paste them in from word processors, so they are removed first.
 */

// Everything outside XML 1.0's Char production, lone surrogates included (the `u` flag sees them).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** For element text and attribute values alike; also serves as HTML escaping for feed fields. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/gu, (c) => ENTITIES[c] ?? c);
}

/**
 * HTML that will sit inside a CDATA section. `]]>` would end the section early, and Preact leaves
 * `>` unescaped in text, so it is written as `]]&gt;`, which HTML reads the same in text and in
 * attribute values.
 */
export function htmlForCdata(html: string): string {
  return xmlChars(html).replaceAll(']]>', ']]&gt;');
}

/** Plain text inside a CDATA section (the RSS item title): a space keeps `]]>` from closing it. */
export function textForCdata(text: string): string {
  return xmlChars(text).replaceAll(']]>', ']] >');
}
