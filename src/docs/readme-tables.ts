import { envVars } from '../config/env-vars.js';
import type { AnyTool } from '../core/index.js';

/** The tool list of README.md, generated from the registry so it never drifts from the code. */
export function renderToolCatalogue(tools: readonly AnyTool[]): string {
  const rows = tools.map((t) => {
    const fields = Object.keys(t.input.shape).map((k) => `\`${k}\``).join(', ') || 'none';
    const who = t.access === 'owner' ? 'owner' : t.access;
    const kind = t.annotations.readOnlyHint ? 'read' : t.annotations.destructiveHint ? 'write (destructive)' : 'write';
    // A sentence ends at a full stop followed by a space, but not inside "e.g." or "i.e.".
    const firstSentence = t.description.split(/(?<!\b(?:e\.g|i\.e|etc)\.)(?<=\.)\s/)[0] ?? t.description;
    return `| \`${t.name}\` | ${firstSentence.replace(/\|/g, '\\|')} | ${fields} | ${who} | ${kind} |`;
  });
  return ['| Tool | What it does | Input | Who (min. role) | Kind |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

/** Secrets the hub creates into the data folder on first start when they are not configured. */
const generatedWhenUnset = new Set(['HUB_OWNER_TOKEN', 'HUB_SECRET_KEY']);

/** The configuration table of README.md, generated from the list of environment variables. */
export function renderEnvTable(): string {
  const rows = envVars.map((v) => `| \`${v.name}\` | \`${v.path.join('.')}\` | ${v.description} | ${v.example ? `\`${v.example}\`` : generatedWhenUnset.has(v.name) ? 'generated' : 'unset'} |`);
  return ['| Variable | Config key | Meaning | Default / example |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README has no ${start} ... ${end} section`);
  return `${doc.slice(0, i + start.length)}\n${body}${doc.slice(j)}`;
}

/** config/example.env: every variable, commented out, with its meaning. */
export function renderExampleEnv(): string {
  const lines = [
    '# ttrpg-hub environment variables. All are optional: `npm start` runs with none of them.',
    '# Set them in your shell, a systemd EnvironmentFile= or your container settings; each overrides config/*.yaml.',
    '',
  ];
  for (const v of envVars) lines.push(`# ${v.description}`, `# ${v.name}=${v.example}`, '');
  return lines.join('\n');
}
