import { h } from './dom.js';

/**
 * The small part of Markdown models write in chat answers (paragraphs, bullet and numbered lists,
 * headings, **bold**, *italic*, `code`), built as DOM nodes from text: nothing in an answer can become
 * markup, a link or a script. Anything else stays as the text it was.
 */
export function renderMarkdown(source: string): DocumentFragment {
  const out = document.createDocumentFragment();
  let list: HTMLElement | null = null;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.append(h('p', {}, ...inline(paragraph.join('\n'))));
    paragraph = [];
  };
  for (const line of source.split('\n')) {
    const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const heading = /^\s*#{1,6}\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      flush();
      const tag = bullet ? 'ul' : 'ol';
      if (!list || list.tagName.toLowerCase() !== tag) out.append((list = h(tag)));
      list.append(h('li', {}, ...inline((bullet ?? numbered)![1]!)));
      continue;
    }
    list = null;
    if (heading) {
      flush();
      out.append(h('p', {}, h('strong', {}, ...inline(heading[1]!))));
    } else if (!line.trim()) flush();
    else paragraph.push(line);
  }
  flush();
  return out;
}

/** `code`, **bold**, *italic* / _italic_; unmatched markers stay as typed. */
function inline(text: string): (Node | string)[] {
  const parts: (Node | string)[] = [];
  const pattern = /`([^`\n]+)`|\*\*([^*\n]+)\*\*|\*([^*\n]+)\*|\b_([^_\n]+)_\b/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push(text.slice(last, m.index));
    if (m[1] !== undefined) parts.push(h('code', {}, m[1]));
    else if (m[2] !== undefined) parts.push(h('strong', {}, m[2]));
    else parts.push(h('em', {}, m[3] ?? m[4] ?? ''));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((p) => p !== '');
}
