import { z } from 'zod';
import { audienceOf } from '../access/actor.js';
import { viewSession } from '../events/audience-view.js';
import { defineTool } from '../registry/define-tool.js';
import { ok } from '../result.js';
import { NoteSchema, SessionStatusSchema, SessionViewSchema } from '../sessions/session-schemas.js';
import { campaignIdField, resolveSessionId, sessionIdField } from './fields.js';

const SessionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: SessionStatusSchema,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  notes: z.number().int(),
  rolls: z.number().int(),
});

export const startSession = defineTool({
  name: 'start_session',
  title: 'Start a session',
  description: 'Start a game session in a campaign. Rolls, notes and initiative go to the active session. Only one session per campaign can be active.',
  input: z.object({ campaignId: campaignIdField, name: z.string().trim().min(1).max(120).optional().describe('Default: "Session N (date)"') }),
  output: z.object({ session: SessionViewSchema }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'gm',
  campaign: 'required',
  async run(input, { deps, campaignId, actor }) {
    const started = await deps.sessions.start(campaignId!, input.name, actor);
    return started.ok ? ok({ session: viewSession(started.value, 'gm') }) : started;
  },
  format: ({ session }) => `Started "${session.name}", session id ${session.id}`,
});

export const endSession = defineTool({
  name: 'end_session',
  title: 'End a session',
  description: 'End the session. Its notes and dice log stay readable with get_session.',
  input: z.object({ sessionId: sessionIdField }),
  output: z.object({ session: SessionViewSchema }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'gm',
  campaign: 'required',
  async run(input, { deps, actor }) {
    const ended = await deps.sessions.end(input.sessionId, actor);
    return ended.ok ? ok({ session: viewSession(ended.value, 'gm') }) : ended;
  },
  format: ({ session }) => `Ended "${session.name}" (${session.notes.length} notes, ${session.rollCount} rolls)`,
});

export const getSession = defineTool({
  name: 'get_session',
  title: 'Get a session',
  description: 'Get a session with its notes, dice log and initiative order. Without sessionId, the campaign\'s active session. Players and viewers see the table view (no secrets, no hidden combatants).',
  input: z.object({ sessionId: sessionIdField.optional(), campaignId: campaignIdField.optional() }),
  output: z.object({ session: SessionViewSchema.nullable().describe('null when no session is active') }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'required',
  async run(input, { deps, campaignId, role }) {
    let session;
    if (input.sessionId) {
      const found = await deps.sessions.get(input.sessionId);
      if (!found.ok) return found;
      session = found.value;
    } else {
      const campaign = await deps.campaigns.get(campaignId!);
      if (!campaign.ok) return campaign;
      session = await deps.sessions.active(campaign.value);
    }
    return ok({ session: session ? viewSession(session, audienceOf(role)) : null });
  },
});

export const listSessions = defineTool({
  name: 'list_sessions',
  title: 'List sessions',
  description: 'List a campaign\'s sessions, oldest first.',
  input: z.object({ campaignId: campaignIdField }),
  output: z.object({ sessions: z.array(SessionSummarySchema) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'required',
  async run(_input, { deps, campaignId, role }) {
    const campaign = await deps.campaigns.get(campaignId!);
    if (!campaign.ok) return campaign;
    const gm = audienceOf(role) === 'gm';
    const sessions = (await deps.sessions.list(campaign.value)).map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      notes: gm ? s.notes.length + (s.noteCount ?? 0) : s.notes.filter((n) => !n.secret).length + (s.noteCount ?? 0) - (s.secretNoteCount ?? 0),
      rolls: gm ? s.rollCount : s.rollCount - s.secretRollCount,
    }));
    return ok({ sessions });
  },
  format: ({ sessions }) => (sessions.length ? sessions.map((s) => `${s.name} [${s.status}] id ${s.id}`).join('\n') : 'No sessions yet'),
});

export const addSessionNote = defineTool({
  name: 'add_session_note',
  title: 'Add a session note',
  description: 'Add a note to a session (default: the campaign\'s active session). Secret notes are seen by the GM only.',
  input: z.object({
    sessionId: sessionIdField.optional(),
    campaignId: campaignIdField.optional(),
    note: z.string().trim().min(1).max(10_000),
    secret: z.boolean().default(false),
  }),
  output: z.object({ sessionId: z.string(), note: NoteSchema }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'required',
  async run(input, { deps, campaignId, actor }) {
    const session = await resolveSessionId(deps, input.sessionId, campaignId!);
    if (!session.ok) return session;
    const sessionId = session.value;
    const added = await deps.sessions.addNote(sessionId, input.note, input.secret, actor);
    return added.ok ? ok({ sessionId, note: added.value }) : added;
  },
  format: ({ note }) => `Noted${note.secret ? ' (secret)' : ''}: ${note.text}`,
});
