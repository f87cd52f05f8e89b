import type { ApiParsedInput } from '../../shared/contract';
import type { TrainingAttendee, TrainingMaterial, TrainingSession } from '../../shared/domain/training';
import { putAttachment } from '../services/attachment-service';
import { DomainError, notFound } from '../services/domain-error';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { requireSite } from '../services/site-service';

type SessionRow = Omit<TrainingSession, 'attendees' | 'materials'>;

const SESSION_COLUMNS = `id, site_id AS siteId, topic, trainer, starts_at AS startsAt, duration_minutes AS durationMinutes, created_at AS createdAt, created_by AS createdBy`;

function attendeesOf(ctx: ServiceContext, sessionId: string): TrainingAttendee[] {
  return ctx.sqlite
    .prepare(
      `SELECT id, session_id AS sessionId, position, name, role, attendance, signature_sha256 AS signatureSha256, recorded_at AS recordedAt, recorded_by AS recordedBy
       FROM training_attendees WHERE session_id = ? ORDER BY position, id`,
    )
    .all(sessionId) as TrainingAttendee[];
}

function materialsOf(ctx: ServiceContext, sessionId: string): TrainingMaterial[] {
  return ctx.sqlite
    .prepare(
      'SELECT session_id AS sessionId, sha256, name, added_at AS addedAt, added_by AS addedBy FROM training_materials WHERE session_id = ? ORDER BY added_at, sha256',
    )
    .all(sessionId) as TrainingMaterial[];
}

function withLists(ctx: ServiceContext, row: SessionRow): TrainingSession {
  return { ...row, attendees: attendeesOf(ctx, row.id), materials: materialsOf(ctx, row.id) };
}

function requireSession(ctx: ServiceContext, sessionId: string): SessionRow {
  const row = ctx.sqlite.prepare(`SELECT ${SESSION_COLUMNS} FROM training_sessions WHERE id = ?`).get(sessionId) as SessionRow | undefined;
  if (!row) throw notFound('Training session', sessionId);
  return row;
}

/** `training.list`: the site's sessions, oldest first, with attendance and materials. */
export function listTraining(ctx: ServiceContext, { siteId }: ApiParsedInput<'training.list'>): TrainingSession[] {
  requireSite(ctx, siteId);
  const rows = ctx.sqlite
    .prepare(`SELECT ${SESSION_COLUMNS} FROM training_sessions WHERE site_id = ? ORDER BY starts_at, id`)
    .all(siteId) as SessionRow[];
  return rows.map((row) => withLists(ctx, row));
}

export function createTrainingSession(ctx: ServiceContext, input: ApiParsedInput<'training.createSession'>): TrainingSession {
  requireSite(ctx, input.siteId);
  const at = ctx.clock.now();
  const who = ctx.actor();
  const id = ctx.newId();
  const startsAt = new Date(Date.parse(input.startsAt)).toISOString();
  ctx.sqlite
    .prepare(
      `INSERT INTO training_sessions (id, site_id, topic, trainer, starts_at, duration_minutes, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, input.siteId, input.topic, input.trainer, startsAt, input.durationMinutes, at, who, at, who);
  recordActivity(
    ctx,
    { action: 'created', entity: 'training_session', entityId: id, siteId: input.siteId, detail: { topic: input.topic } },
    at,
  );
  return withLists(ctx, requireSession(ctx, id));
}

/**
 * Adds one attendee at the end of the attendance list: signed (the drawn signature is stored as a
 * PNG attachment) or absent. The entry is append-only: a mistake is corrected by a new session.
 */
export function addTrainingAttendee(ctx: ServiceContext, dataDir: string, input: ApiParsedInput<'training.addAttendee'>): TrainingAttendee {
  const session = requireSession(ctx, input.sessionId);
  const taken = ctx.sqlite
    .prepare('SELECT 1 FROM training_attendees WHERE session_id = ? AND lower(name) = lower(?)')
    .get(input.sessionId, input.name);
  if (taken) throw new DomainError('rule', `${input.name} is already on this attendance list`);
  const signature =
    input.signaturePngBase64 === null
      ? null
      : putAttachment(ctx, dataDir, { mediaType: 'image/png', dataBase64: input.signaturePngBase64 }).sha256;
  const { next } = ctx.sqlite
    .prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM training_attendees WHERE session_id = ?')
    .get(input.sessionId) as { next: number };
  const row: TrainingAttendee = {
    id: ctx.newId(),
    sessionId: input.sessionId,
    position: next,
    name: input.name,
    role: input.role,
    attendance: signature === null ? 'absent' : 'signed',
    signatureSha256: signature,
    recordedAt: ctx.clock.now(),
    recordedBy: ctx.actor(),
  };
  ctx.sqlite
    .prepare(
      `INSERT INTO training_attendees (id, session_id, position, name, role, attendance, signature_sha256, recorded_at, recorded_by)
       VALUES (@id, @sessionId, @position, @name, @role, @attendance, @signatureSha256, @recordedAt, @recordedBy)`,
    )
    .run(row);
  recordActivity(
    ctx,
    {
      action: 'attendance_recorded',
      entity: 'training_session',
      entityId: session.id,
      siteId: session.siteId,
      detail: { name: row.name, attendance: row.attendance },
    },
    row.recordedAt,
  );
  return row;
}

export function addTrainingMaterial(ctx: ServiceContext, input: ApiParsedInput<'training.addMaterial'>): TrainingMaterial {
  const session = requireSession(ctx, input.sessionId);
  if (!ctx.sqlite.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').get(input.sha256)) throw notFound('Attachment', input.sha256);
  if (ctx.sqlite.prepare('SELECT 1 FROM training_materials WHERE session_id = ? AND sha256 = ?').get(input.sessionId, input.sha256)) {
    throw new DomainError('rule', 'This file is already a material of the session');
  }
  const row: TrainingMaterial = {
    sessionId: input.sessionId,
    sha256: input.sha256,
    name: input.name,
    addedAt: ctx.clock.now(),
    addedBy: ctx.actor(),
  };
  ctx.sqlite
    .prepare(
      'INSERT INTO training_materials (session_id, sha256, name, added_at, added_by) VALUES (@sessionId, @sha256, @name, @addedAt, @addedBy)',
    )
    .run(row);
  recordActivity(
    ctx,
    {
      action: 'material_added',
      entity: 'training_session',
      entityId: session.id,
      siteId: session.siteId,
      detail: { name: row.name, sha256: row.sha256 },
    },
    row.addedAt,
  );
  return row;
}
