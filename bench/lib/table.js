// Renders rows as a Markdown table: readable in a terminal and pasted as-is into RESULTS.md.

/** `columns` is a list of { title, align: 'left' | 'right' }; `rows` holds already-formatted strings. */
export function markdownTable(columns, rows) {
  const widths = columns.map((c, i) => Math.max(c.title.length, 3, ...rows.map((r) => String(r[i]).length)));
  const pad = (text, i) => (columns[i].align === 'left' ? String(text).padEnd(widths[i]) : String(text).padStart(widths[i]));
  const line = (cells) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (columns[i].align === 'left' ? ':' + '-'.repeat(w - 1) : '-'.repeat(w - 1) + ':')).join(' | ')} |`;
  return [line(columns.map((c) => c.title)), rule, ...rows.map(line)].join('\n');
}

export const ms = (v) => (v >= 10 ? v.toFixed(1) : v.toFixed(3));
export const ratio = (v) => `${v.toFixed(2)}x`;
/** 123456.7 -> "123,457": thousands separators make rates easy to compare by eye. */
export const rate = (v) => Math.round(v).toLocaleString('en-US');
