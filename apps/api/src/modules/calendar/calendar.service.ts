/**
 * The campaign calendar: each account may hold one secret feed URL (made, replaced and revoked by
 * the account itself, audited) serving the dates of the campaigns it takes part in as iCalendar,
 * for Outlook, Google Calendar or a phone to subscribe to.
 *
 * The token is 32 random bytes (base64url) and is shown once; only its SHA-256 is kept, so a copy of
 * the database does not hand out calendars. A fetch looks the feed up by that hash and then acts as
 * its account with the account's roles of the moment: a disabled account's feed answers 404, a role
 * taken away takes its campaigns out of the feed.
 *
 * Which campaigns: open and closed ones (closed: the dossier deadline may still lie ahead), those
 * of the authorities an authority-wide role covers, and for a unit role those its unit takes part
 * in (for a person's own role, those that assess individuals). Each gives all-day events: the
 * start, the self-assessment deadline (the unit's own when it was extended), the end and the
 * dossier deadline.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  can,
  grantsOf,
  type CalendarFeedCreated,
  type CalendarFeedStatus,
  type CampaignStatus,
} from '@thidua/contract';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { campaignReach, reachesUnit } from '../../lib/access.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { NotFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { loadActor } from '../auth/index.ts';
import { addDays, formatPlanDate } from '../campaigns/index.ts';
import { toFeedStatus } from './calendar.mapper.ts';
import {
  deleteFeedOfUser,
  findCampaignsIssuedWithin,
  findExtensions,
  findFeedByTokenHash,
  findFeedOfUser,
  findParticipations,
  touchFeed,
  upsertFeed,
  type CalendarCampaignRow,
} from './calendar.repository.ts';
import { escapeText, renderCalendar, type AllDayEvent } from './ical.ts';

/** Campaigns whose dates a feed shows. */
const CALENDAR_STATUSES: readonly CampaignStatus[] = ['open', 'closed'];
/** A fetch is recorded at most this often (calendar applications poll). */
const TOUCH_EVERY_MS = 5 * 60_000;
const TOKEN_BYTES = 32;

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The feed's address under the origin the caller reached the API at. */
function feedUrls(origin: string, token: string): { url: string; webcalUrl: string } {
  const url = `${origin}/api/v1/calendar/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}

// ── The account's own feed ────────────────────────────────────────────────────────────────────

export async function getFeedStatus(db: Executor, actor: Actor): Promise<CalendarFeedStatus> {
  return toFeedStatus(await findFeedOfUser(db, actor.userId));
}

/** Makes a new secret URL for the caller, replacing (and so ending) any earlier one; audited. */
export async function createFeed(db: Db, ctx: ActorCtx, origin: string): Promise<CalendarFeedCreated> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const createdAt = new Date();
  return db.transaction(async (tx) => {
    const { row, replaced } = await upsertFeed(tx, {
      id: newId('cf'),
      userId: ctx.actor.userId,
      tokenHash: hashToken(token),
      createdAt,
    });
    await recordAudit(tx, ctx, {
      action: replaced ? 'calendar_feed.rotate' : 'calendar_feed.create',
      objectType: 'calendar_feed',
      objectId: row.id,
      after: { userId: row.userId, createdAt: row.createdAt.toISOString() },
    });
    return { ...feedUrls(origin, token), createdAt: row.createdAt.toISOString(), replaced };
  });
}

/** Ends the caller's secret URL, if it has one (audited then); calling it again changes nothing. */
export async function revokeFeed(db: Db, ctx: ActorCtx): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await deleteFeedOfUser(tx, ctx.actor.userId);
    if (!row) return;
    await recordAudit(tx, ctx, {
      action: 'calendar_feed.revoke',
      objectType: 'calendar_feed',
      objectId: row.id,
      before: { userId: row.userId, createdAt: row.createdAt.toISOString() },
    });
  });
}

// ── Serving a feed ────────────────────────────────────────────────────────────────────────────

/**
 * The account behind a token, or 404 (unknown, revoked or replaced token, disabled account). The
 * token itself is never compared with anything: its SHA-256 is looked up through the unique index,
 * and a guess close to a real token has a hash unrelated to the real one's, so the time the lookup
 * takes tells nothing about how close the guess came.
 */
async function feedAccount(db: Executor, token: string): Promise<{ feedId: string; actor: Actor }> {
  const found = await findFeedByTokenHash(db, hashToken(token));
  if (!found) throw NotFound('calendar_feed');
  const actor = await loadActor(db, found.feed.userId, found.tokenVersion);
  if (!actor) throw NotFound('calendar_feed');
  return { feedId: found.feed.id, actor };
}

/** A campaign in the feed, with the self-assessment deadline that applies to the account. */
interface FeedCampaign {
  campaign: CalendarCampaignRow;
  deadline: string;
  stamp: Date;
  /** The units whose extension moved the deadline, when one did. */
  extendedFor: string[];
}

/**
 * The campaigns an account takes part in (see the top of the file). Authority-wide grants of
 * 'campaign.read' reach their authority's campaigns; a unit grant reaches the campaigns of the
 * authorities above its unit in which the unit takes part — as a unit when the grant may write the
 * unit's self-assessment, else (a person's own role) only where individuals are assessed.
 */
async function campaignsOf(db: Executor, actor: Actor): Promise<FeedCampaign[]> {
  const grants = grantsOf('campaign.read');
  const wide = actor.roles.filter((g) => grants[g.role] === 'any' || grants[g.role] === 'authority');
  const member = actor.roles.filter((g) => grants[g.role] === 'own_unit' && g.unitId);
  const memberUnits = [...new Set(member.map((g) => g.unitId!))];
  const wideReach = campaignReach({ ...actor, roles: wide }, 'campaign.read');
  const memberReach = campaignReach({ ...actor, roles: member }, 'campaign.read');
  const rows = await findCampaignsIssuedWithin(db, CALENDAR_STATUSES, [wideReach, memberReach]);
  const widely = (c: CalendarCampaignRow) => reachesUnit(wideReach, c.authorityUnitId);
  // A campaign reached through a unit grant only is shown when the unit takes part in it.
  const candidates = rows.filter((c) => !widely(c));
  const asUnit = new Set(memberUnits.filter((u) => can(actor, 'submission.write', { unitId: u, personId: null })));
  const takesPart = new Set<string>();
  for (const p of await findParticipations(db, candidates, memberUnits)) {
    const c = candidates.find((x) => x.id === p.campaignId);
    if (c && (asUnit.has(p.unitId) || c.individualsTakePart)) takesPart.add(c.id);
  }
  const shown = rows.filter((c) => widely(c) || takesPart.has(c.id));
  // The account's own units' extensions, also in a campaign it sees through an authority-wide role.
  const extensions = await findExtensions(
    db,
    shown.map((c) => c.id),
    memberUnits,
  );
  return shown.map((campaign) => {
    const own = extensions.filter((e) => e.campaignId === campaign.id && e.until > campaign.submissionDeadline);
    const latest = own.reduce<string | null>((d, e) => (d && d >= e.until ? d : e.until), null);
    const stamps = [campaign.updatedAt, ...own.map((e) => e.updatedAt)];
    return {
      campaign,
      deadline: latest ?? campaign.submissionDeadline,
      stamp: new Date(Math.max(...stamps.map((d) => d.getTime()))),
      extendedFor: latest ? own.filter((e) => e.until === latest).map((e) => e.unitName) : [],
    };
  });
}

/** The link to a campaign's page in the web app. */
const campaignPage = (origin: string, id: string) => `${origin}/phong-trao/${encodeURIComponent(id)}`;

/** The all-day events of one campaign, with UIDs that stay the same from one fetch to the next. */
function campaignEvents(origin: string, f: FeedCampaign): AllDayEvent[] {
  const c = f.campaign;
  const url = campaignPage(origin, c.id);
  const about = [`Phong trào: ${c.title}`, `Cơ quan ban hành: ${c.authorityName}`];
  const link = `Xem chi tiết: ${url}`;
  const day = (uid: string, date: string, summary: string, lines: string[]): AllDayEvent => ({
    uid: `${c.id}-${uid}@thidua`,
    stamp: f.stamp,
    date,
    nextDate: addDays(date, 1),
    summary: `${summary}: ${c.title}`,
    description: [...lines, ...about, link].join('\n'),
    url,
    categories: ['Thi đua'],
  });
  const period = `Thời gian thực hiện: từ ${formatPlanDate(c.startsOn)} đến ${formatPlanDate(c.endsOn)}.`;
  const deadlineLines = f.extendedFor.length
    ? [`Hạn đã được gia hạn cho ${f.extendedFor.join(', ')} (hạn chung: ${formatPlanDate(c.submissionDeadline)}).`]
    : [];
  const events = [
    day('start', c.startsOn, 'Bắt đầu phong trào', [period]),
    day('deadline', f.deadline, 'Hạn nộp báo cáo tự đánh giá', [
      `Ngày cuối cùng nộp báo cáo tự đánh giá kèm minh chứng: ${formatPlanDate(f.deadline)}.`,
      ...deadlineLines,
    ]),
    day('end', c.endsOn, 'Kết thúc phong trào', [period]),
  ];
  if (c.dossierDeadline)
    events.push(
      day('dossier', c.dossierDeadline, 'Hạn nộp hồ sơ đề nghị khen thưởng', [
        `Ngày cuối cùng nộp hồ sơ đề nghị khen thưởng: ${formatPlanDate(c.dossierDeadline)}.`,
      ]),
    );
  return events;
}

/**
 * The iCalendar file behind a secret token (404 when the token is unknown, replaced or revoked),
 * built for the account of the moment; records the fetch (at most every few minutes).
 */
export async function renderFeed(db: Db, token: string, origin: string, now = new Date()): Promise<string> {
  const { feedId, actor } = await feedAccount(db, token);
  const [campaigns] = await Promise.all([campaignsOf(db, actor), touchFeed(db, feedId, now, TOUCH_EVERY_MS)]);
  return renderCalendar({
    prodId: '-//ThiDua//Lich thi dua//VI',
    properties: [
      ['CALSCALE', 'GREGORIAN'],
      ['X-WR-CALNAME', escapeText(`Lịch thi đua – ${actor.fullName}`)],
      [
        'X-WR-CALDESC',
        escapeText('Các mốc thời gian của những phong trào thi đua bạn tham gia: bắt đầu, hạn nộp, kết thúc.'),
      ],
      ['X-WR-TIMEZONE', 'Asia/Ho_Chi_Minh'],
      // How often a subscribed calendar should fetch again (Outlook and Apple read these).
      ['REFRESH-INTERVAL', 'PT6H', 'VALUE=DURATION'],
      ['X-PUBLISHED-TTL', 'PT6H'],
    ],
    events: campaigns.flatMap((f) => campaignEvents(origin, f)),
  });
}
