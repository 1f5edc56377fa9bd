/**
 * What waits for the signed-in account (việc cần làm): the home page's to-do list. Each task is a
 * count of records of one kind waiting for this account's roles, within what those roles may see,
 * with the ids a client needs to open them. Nothing here is new data: each count is the total of a
 * list the account may already read (progress, findings, reception queue, council meetings,
 * decisions, dossiers).
 */
import Type, { type Static } from 'typebox';
import { DateOnly, Id, StringEnum } from './common.ts';

export const TASK_KINDS = [
  'enrol',
  'start_self_assessment',
  'submit_self_assessment',
  'correct_self_assessment',
  'review_submissions',
  'remedy_findings',
  'supplement_dossiers',
  'receive_dossiers',
  'vote_proposals',
  'issue_decisions',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TaskKind = StringEnum(TASK_KINDS, {
  description:
    "enrol: a unit of the account takes part in an open campaign and has not enrolled; start_/submit_/correct_self_assessment: its self-assessment is not started / a draft / returned for correction; review_submissions: submitted self-assessments wait for the standing office; remedy_findings: open inspection findings of the account's unit; supplement_dossiers: award dossiers of the unit returned for supplement; receive_dossiers: dossiers wait at the one-stop desk; vote_proposals: proposals of an open council meeting the account's person has not voted on; issue_decisions: drafted award decisions wait to be issued",
});

export const Task = Type.Object(
  {
    kind: TaskKind,
    count: Type.Integer({ minimum: 1, description: 'How many records wait (a task with none is not listed)' }),
    campaignId: Type.Union([Id, Type.Null()], { description: 'The campaign the records belong to, when one' }),
    campaignTitle: Type.Union([Type.String(), Type.Null()]),
    unitId: Type.Union([Id, Type.Null()], { description: "The account's unit concerned, for unit tasks" }),
    unitName: Type.Union([Type.String(), Type.Null()]),
    submissionId: Type.Union([Id, Type.Null()], { description: 'The self-assessment to open, when one' }),
    meetingId: Type.Union([Id, Type.Null()], { description: 'The council meeting to vote in (vote_proposals)' }),
    dueOn: Type.Union([DateOnly, Type.Null()], { description: 'The deadline, when the task has one' }),
  },
  { additionalProperties: false },
);
export type Task = Static<typeof Task>;

export const TaskList = Type.Object(
  { items: Type.Array(Task, { description: 'Nearest deadline first, then by kind' }) },
  { additionalProperties: false },
);
export type TaskList = Static<typeof TaskList>;
