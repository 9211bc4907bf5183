/**
 * A comment's HTML back into the text a reader types (for editing): paragraphs, line breaks,
 * **bold**, *italics*, [links](…) and > quotes — the only markup the server keeps. Characters that
 * would otherwise turn into markup get a backslash, as the reader would have typed them.
 */

const escape = (text: string) => text.replace(/\n/gu, '').replace(/[\\*_[\]]/gu, '\\$&');

function inline(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return escape(node.textContent ?? '');
  if (!(node instanceof Element)) return '';
  const inner = [...node.childNodes].map(inline).join('');
  switch (node.tagName) {
    case 'BR':
      return '\n';
    case 'STRONG':
      return `**${inner}**`;
    case 'EM':
      return `*${inner}*`;
    case 'A':
      return `[${inner}](${node.getAttribute('href') ?? ''})`;
    default:
      return inner;
  }
}

function blocks(node: Element): string[] {
  const out: string[] = [];
  let loose = '';
  const flush = () => {
    if (loose.trim()) out.push(loose.trim());
    loose = '';
  };
  for (const child of node.childNodes) {
    if (child instanceof Element && child.tagName === 'P') {
      flush();
      // A line of its own starting with ">" was typed as \> (else it would be a quote).
      out.push(inline(child).replace(/^>/gmu, '\\>'));
    } else if (child instanceof Element && child.tagName === 'BLOCKQUOTE') {
      flush();
      out.push(
        blocks(child)
          .join('\n\n')
          .split('\n')
          .map((line) => (line ? `> ${line}` : '>'))
          .join('\n'),
      );
    } else {
      loose += inline(child);
    }
  }
  flush();
  return out;
}

export const textOf = (body: Element) => blocks(body).join('\n\n');
