import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { HubConfigSchema, type HubConfig } from './config-schema.js';
import { envVars } from './env-vars.js';
import { packageRoot } from '../package-root.js';

/** The configuration could not be used; the message names the key, the value, where it came from and what is allowed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadConfigOptions {
  /** A YAML file to read over the defaults (the CLI's --config). */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Values that win over everything (CLI flags such as --port). */
  overrides?: Record<string, unknown>;
  /** Where to look for config/local.yaml; defaults to the working directory. */
  cwd?: string;
}

export const defaultConfigFile = join(packageRoot, 'config', 'default.yaml');

/**
 * Reads config/default.yaml, then config/local.yaml (or the given file), then environment variables,
 * then overrides, and validates the result. Throws ConfigError with one line per problem.
 */
export function loadConfig(options: LoadConfigOptions = {}): HubConfig {
  const env = options.env ?? process.env;
  const sources = new Map<string, string>();
  let merged: Record<string, unknown> = {};

  const files = [defaultConfigFile];
  const local = resolve(options.cwd ?? process.cwd(), 'config', 'local.yaml');
  if (options.file) files.push(resolve(options.file));
  else if (env.TTRPG_HUB_CONFIG) files.push(resolve(env.TTRPG_HUB_CONFIG));
  else if (existsSync(local)) files.push(local);
  for (const file of files) {
    if (!existsSync(file)) throw new ConfigError(`Configuration file ${file} does not exist`);
    let parsed: unknown;
    try {
      parsed = parseYaml(readFileSync(file, 'utf8')) ?? {};
    } catch (error) {
      throw new ConfigError(`Configuration file ${file} is not valid YAML: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`Configuration file ${file} must hold a mapping of keys`);
    merged = deepMerge(merged, parsed as Record<string, unknown>, [], sources, file);
  }

  for (const v of envVars) {
    const raw = env[v.name];
    if (raw === undefined || raw === '') continue;
    const value = v.type === 'number' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : v.type === 'list' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : v.type === 'boolean' ? parseFlag(raw) : raw;
    merged = setPath(merged, v.path, value);
    sources.set(v.path.join('.'), `environment variable ${v.name}`);
  }
  for (const [path, value] of Object.entries(options.overrides ?? {})) {
    if (value === undefined) continue;
    merged = setPath(merged, path.split('.'), value);
    sources.set(path, 'the command line');
  }

  const result = HubConfigSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(describeIssues(result.error, merged, sources));
  // The default data folder belongs to the installation, not the working directory: Claude Desktop
  // starts `ttrpg-hub mcp` from anywhere, and it should find the same campaigns as `npm start`.
  // A folder the user gives is taken relative to where they gave it.
  const dataDir = sources.has('dataDir') ? resolve(options.cwd ?? process.cwd(), result.data.dataDir) : join(packageRoot, 'data');
  return { ...result.data, dataDir };
}

function describeIssues(error: z.ZodError, merged: Record<string, unknown>, sources: Map<string, string>): string {
  const lines = error.issues.map((issue) => {
    const key = issue.path.join('.');
    const value = issue.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), merged);
    const from = sources.get(key) ?? [...sources.entries()].find(([k]) => key.startsWith(`${k}.`))?.[1];
    const shown = /token|secret|password|apikey/i.test(key) ? '(hidden)' : JSON.stringify(value);
    const unknownKeys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    return `  ${key || '(top level)'} = ${shown}${from ? ` (from ${from})` : ''}: ${issue.message}${unknownKeys}`;
  });
  return `Invalid configuration:\n${lines.join('\n')}`;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>, path: string[], sources: Map<string, string>, file: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const here = [...path, k];
    if (v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' && !Array.isArray(out[k])) {
      out[k] = deepMerge(out[k] as Record<string, unknown>, v as Record<string, unknown>, here, sources, file);
    } else {
      out[k] = v;
      sources.set(here.join('.'), file);
    }
  }
  return out;
}

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  if (rest.length === 0) return { ...obj, [head]: value };
  const child = obj[head] && typeof obj[head] === 'object' ? (obj[head] as Record<string, unknown>) : {};
  return { ...obj, [head]: setPath(child, rest, value) };
}

/** "true"/"1"/"yes"/"on" and their opposites; anything else is left as text for the schema to refuse by name. */
function parseFlag(raw: string): boolean | string {
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return raw;
}
