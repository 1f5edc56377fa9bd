/**
 * The signed-in account's to-do list (GET /me/tasks): for each of its roles, what waits for it.
 * Every count is the total of a list the account may already read, asked of that list's own
 * service with the account as the caller, so a task can never show more than the list it opens
 * (the visibility rules stay in one place: the module that owns the records).
 */
import type { Campaign, Task, TaskKind, TaskList } from '@thidua/contract';
import { selfAssessmentsWaitFor, TASK_KINDS } from '@thidua/contract';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { can, scopeOf } from '../../lib/access.ts';
import { listCampaigns } from '../campaigns/index.ts';
import { listMyMeetings } from '../councils/index.ts';
import { listDecisions } from '../decisions/index.ts';
import { listDossiers } from '../dossiers/index.ts';
import { listFindings } from '../findings/index.ts';
import { getCampaignProgress } from '../progress/index.ts';
import { listQueue } from '../reception/index.ts';

/** Open campaigns and, for corrections asked after the close, closed ones: a handful per authority. */
const CAMPAIGNS_LOOKED_AT = 100;
/** Units one account works for (an officer of several units at most). */
const OWN_UNIT_LINES = 100;

type CampaignRef = Pick<Campaign, 'id' | 'title' | 'status' | 'upcoming' | 'selfAssessmentOpenedEarlyAt'>;

const PROGRESS_TASK: Partial<Record<string, TaskKind>> = {
  not_enrolled: 'enrol',
  not_started: 'start_self_assessment',
  draft: 'submit_self_assessment',
  returned: 'correct_self_assessment',
};

function task(kind: TaskKind, count: number, fields: Partial<Task> = {}): Task {
  return {
    kind,
    count,
    campaignId: null,
    campaignTitle: null,
    unitId: null,
    unitName: null,
    submissionId: null,
    meetingId: null,
    dueOn: null,
    ...fields,
  };
}

/** The unit lines of one campaign as seen by a unit's member: one task per unit not done. */
async function ownUnitSelfAssessmentTasks(db: Executor, actor: Actor, campaign: CampaignRef): Promise<Task[]> {
  const progress = await getCampaignProgress(db, actor, campaign.id, { page: 1, pageSize: OWN_UNIT_LINES });
  const tasks: Task[] = [];
  for (const line of progress.units.items) {
    const kind = PROGRESS_TASK[line.status];
    // After the close only a returned self-assessment can still be worked on.
    if (!kind || (campaign.status !== 'open' && kind !== 'correct_self_assessment')) continue;
    // Launched ahead of its first day: nothing to start yet (the API refuses until startsOn),
    // unless the office opened self-assessments early.
    if (selfAssessmentsWaitFor(campaign) && kind === 'start_self_assessment') continue;
    tasks.push(
      task(kind, 1, {
        campaignId: campaign.id,
        campaignTitle: campaign.title,
        unitId: line.unitId,
        unitName: line.unitName,
        submissionId: line.submissionId,
        dueOn: line.deadline,
      }),
    );
  }
  return tasks;
}

async function campaignTasks(db: Executor, actor: Actor, campaign: CampaignRef): Promise<Task[]> {
  const ref = { campaignId: campaign.id, campaignTitle: campaign.title };
  const tasks: Task[] = [];
  if (scopeOf(actor, 'submission.write') === 'own_unit' && scopeOf(actor, 'dashboard.read') === 'own_unit') {
    tasks.push(...(await ownUnitSelfAssessmentTasks(db, actor, campaign)));
  }
  if (can(actor, 'submission.review')) {
    const progress = await getCampaignProgress(db, actor, campaign.id, { page: 1, pageSize: 1 });
    if (progress.counts.submitted > 0) tasks.push(task('review_submissions', progress.counts.submitted, ref));
  }
  if (can(actor, 'finding.remedy')) {
    const open = await listFindings(db, actor, campaign.id, { status: 'open', page: 1, pageSize: 1 });
    if (open.total > 0) tasks.push(task('remedy_findings', open.total, ref));
  }
  return tasks;
}

export async function listMyTasks(db: Executor, actor: Actor): Promise<TaskList> {
  const tasks: Task[] = [];
  if (can(actor, 'campaign.read')) {
    const campaigns: CampaignRef[] = [];
    for (const status of ['open', 'closed'] as const) {
      const page = await listCampaigns(db, actor, { status, page: 1, pageSize: CAMPAIGNS_LOOKED_AT });
      campaigns.push(...page.items);
    }
    for (const campaign of campaigns) tasks.push(...(await campaignTasks(db, actor, campaign)));
  }
  const dossierScope = scopeOf(actor, 'dossier.write');
  if (dossierScope === 'own_unit' || dossierScope === 'own_person') {
    const returned = await listDossiers(db, actor, { status: 'returned', page: 1, pageSize: 1 });
    if (returned.total > 0) tasks.push(task('supplement_dossiers', returned.total));
  }
  if (can(actor, 'dossier.receive')) {
    const waiting = await listQueue(db, actor, { status: 'submitted', page: 1, pageSize: 1 });
    if (waiting.total > 0) tasks.push(task('receive_dossiers', waiting.total));
  }
  if (can(actor, 'council.vote')) {
    for (const meeting of (await listMyMeetings(db, actor)).items) {
      if (meeting.status !== 'voting') continue;
      const open = meeting.proposals.filter((p) => !p.voted).length;
      if (open > 0)
        tasks.push(task('vote_proposals', open, { meetingId: meeting.id, campaignTitle: meeting.campaignTitle }));
    }
  }
  if (can(actor, 'decision.issue')) {
    const drafts = await listDecisions(db, actor, { status: 'draft', page: 1, pageSize: 1 });
    if (drafts.total > 0) tasks.push(task('issue_decisions', drafts.total));
  }
  return { items: tasks.sort(byDeadlineThenKind) };
}

function byDeadlineThenKind(a: Task, b: Task): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return TASK_KINDS.indexOf(a.kind) - TASK_KINDS.indexOf(b.kind);
}
