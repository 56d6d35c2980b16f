import type { AnyTool } from './core/index.js';

/** The tool list of README.md, generated from the registry so it never drifts from the code. */
export function renderToolCatalogue(tools: readonly AnyTool[]): string {
  const rows = tools.map((t) => {
    const fields = Object.keys(t.input.shape).map((k) => `\`${k}\``).join(', ') || 'none';
    const who = t.access === 'owner' ? 'owner' : t.access;
    const kind = t.annotations.readOnlyHint ? 'read' : t.annotations.destructiveHint ? 'write (destructive)' : 'write';
    const firstSentence = t.description.split(/(?<=\.)\s/)[0] ?? t.description;
    return `| \`${t.name}\` | ${firstSentence.replace(/\|/g, '\\|')} | ${fields} | ${who} | ${kind} |`;
  });
  return ['| Tool | What it does | Input | Who (min. role) | Kind |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
