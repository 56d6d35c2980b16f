import { z } from 'zod';

/**
 * The parts of a Discord interaction (API v10) the bot reads, validated at the edge. The gateway
 * and the HTTP endpoint both receive this same JSON, so both go through one parser and one router.
 */
// Written out to the three levels Discord nests (a subcommand group, its subcommand, their options)
// rather than as one recursive z.lazy: zod compiles a fixed shape into one fast parser, which halves
// the cost of reading every interaction.
const LeafOptionSchema = z.object({
  name: z.string(),
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});
const SubcommandOptionSchema = LeafOptionSchema.extend({ options: z.array(LeafOptionSchema).optional() });
const OptionValueSchema = LeafOptionSchema.extend({ options: z.array(SubcommandOptionSchema).optional() });
const UserSchema = z.object({ id: z.string(), username: z.string(), global_name: z.string().nullish() });

export const RawInteractionSchema = z.object({
  id: z.string(),
  application_id: z.string(),
  type: z.number().int().min(1).max(5),
  token: z.string(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  member: z
    .object({ user: UserSchema, nick: z.string().nullish(), roles: z.array(z.string()), permissions: z.string() })
    .optional(),
  user: UserSchema.optional(),
  data: z
    .object({
      name: z.string().optional(),
      options: z.array(OptionValueSchema).optional(),
      custom_id: z.string().optional(),
      // Uploaded files: an attachment option's value is an id into this map.
      resolved: z
        .object({
          attachments: z
            .record(z.string(), z.object({ id: z.string(), filename: z.string(), size: z.number().int(), url: z.string(), content_type: z.string().optional() }))
            .optional(),
        })
        .optional(),
    })
    .optional(),
});
export type RawInteraction = z.infer<typeof RawInteractionSchema>;

export const InteractionKind = { Ping: 1, Command: 2, Component: 3, Autocomplete: 4, Modal: 5 } as const;

/** An interaction reduced to what a command handler needs. */
export interface Interaction {
  kind: 'command' | 'component' | 'autocomplete';
  id: string;
  applicationId: string;
  token: string;
  command: string;
  /** "init next" for subcommands, "roll" for plain commands; for buttons, the custom id. */
  path: string;
  options: Record<string, string | number | boolean>;
  focused: string | null;
  user: { id: string; name: string };
  guildId: string | null;
  channelId: string | null;
  roleIds: string[];
  /** Discord permission bits of the member in this channel. */
  permissions: bigint;
  /** Files the user attached, by the id an attachment option holds. */
  attachments: Record<string, { filename: string; size: number; url: string; contentType: string | null }>;
}

/** Manage Server: Discord's admins, who may link channels and are GMs until a GM role is set. */
export const MANAGE_GUILD = 1n << 5n;

export function toInteraction(raw: RawInteraction): Interaction | null {
  if (raw.type === InteractionKind.Ping || raw.type === InteractionKind.Modal) return null;
  const user = raw.member?.user ?? raw.user;
  const options: Interaction['options'] = {};
  const path: string[] = [];
  let focused: string | null = null;
  let level = raw.data?.options ?? [];
  // Subcommand groups and subcommands nest their options one level down each.
  while (level.length === 1 && (level[0]!.type === 1 || level[0]!.type === 2)) {
    path.push(level[0]!.name);
    level = level[0]!.options ?? [];
  }
  for (const o of level) {
    if (o.value !== undefined) options[o.name] = o.value;
    if (o.focused) focused = o.name;
  }
  const kind = raw.type === InteractionKind.Component ? 'component' : raw.type === InteractionKind.Autocomplete ? 'autocomplete' : 'command';
  const command = raw.data?.name ?? '';
  return {
    kind,
    id: raw.id,
    applicationId: raw.application_id,
    token: raw.token,
    command,
    path: kind === 'component' ? (raw.data?.custom_id ?? '') : [command, ...path].join(' '),
    options,
    focused,
    user: { id: user?.id ?? 'unknown', name: raw.member?.nick ?? user?.global_name ?? user?.username ?? 'someone' },
    guildId: raw.guild_id ?? null,
    channelId: raw.channel_id ?? null,
    roleIds: raw.member?.roles ?? [],
    permissions: BigInt(raw.member?.permissions ?? '0'),
    attachments: Object.fromEntries(
      Object.entries(raw.data?.resolved?.attachments ?? {}).map(([id, a]) => [id, { filename: a.filename, size: a.size, url: a.url, contentType: a.content_type ?? null }]),
    ),
  };
}

/** What a handler answers; the transport turns it into an interaction callback. */
export type Reply =
  | { type: 'message'; ephemeral?: boolean; content?: string; embeds?: Embed[]; components?: ActionRow[]; update?: boolean }
  | { type: 'choices'; choices: { name: string; value: string }[] };

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}
export interface ActionRow {
  type: 1;
  components: { type: 2; style: number; label: string; custom_id: string; disabled?: boolean }[];
}

/** The interaction callback body of the Discord API for a reply. */
export function toCallback(reply: Reply): { type: number; data: Record<string, unknown> } {
  if (reply.type === 'choices') return { type: 8, data: { choices: reply.choices.slice(0, 25) } };
  return { type: reply.update ? 7 : 4, data: messageBody(reply) };
}

export function messageBody(reply: Extract<Reply, { type: 'message' }>): Record<string, unknown> {
  return {
    content: reply.content ?? '',
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    flags: reply.ephemeral ? 64 : 0,
    // Never ping @everyone or roles from text that came from users.
    allowed_mentions: { parse: ['users'] },
  };
}
