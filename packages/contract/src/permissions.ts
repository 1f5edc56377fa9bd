/**
 * Who may do what: one table, read by the API (routes declare a permission, services check the
 * object), by the web app (to offer only the actions that will be accepted) and by the OpenAPI
 * document (each operation names its permission). Nowhere else are role lists written.
 *
 * Each permission names the roles that hold it and how far each reaches:
 * - `any`: every unit and record;
 * - `authority`: the units under the authority unit the role is held at (a commune's People's
 *   Committee: that commune; held without a unit: everything, as for a province-wide office);
 * - `own_unit`: the unit the role is held in, and nothing else;
 * - `own_person`: the caller's own records (their staff record).
 */
import { UNIT_ROLES, type RoleGrant, type RoleName } from './roles.ts';

export const SCOPES = ['any', 'authority', 'own_unit', 'own_person'] as const;
export type Scope = (typeof SCOPES)[number];

/** Roles that work for an authority as a whole; held at a unit, they cover that unit's subtree. */
export const AUTHORITY_ROLES: readonly RoleName[] = [
  'leader',
  'secretariat',
  'reception',
  'communications',
  'observer',
];

interface PermissionEntry {
  /** What the permission lets its holder do, as integrators read it in the OpenAPI document. */
  description: string;
  grants: Partial<Record<RoleName, Scope>>;
  /** The problem code of a refusal when a plainer one than `auth.forbidden` helps the caller. */
  refusal?: string;
}

const OFFICE = { admin: 'any', secretariat: 'authority' } as const;
const UNIT_MEMBERS = { unit_officer: 'own_unit', unit_head: 'own_unit' } as const;
const AUTHORITY_READERS = { ...OFFICE, leader: 'authority' } as const;
/** The authority's working offices, within their authority (and the administrator everywhere). */
const AUTHORITY_OFFICES = {
  admin: 'any',
  leader: 'authority',
  secretariat: 'authority',
  reception: 'authority',
  communications: 'authority',
} as const;
/** Every authority-wide role, the read-only observer included. */
const WHOLE_AUTHORITY = { ...AUTHORITY_OFFICES, observer: 'authority' } as const;
/**
 * The directory of government bodies and their staff: members of a unit may look up others, as
 * they would on the authority's public site.
 */
const DIRECTORY = { ...WHOLE_AUTHORITY, unit_officer: 'any', unit_head: 'any', staff: 'any' } as const;

export const PERMISSIONS = {
  'user.manage': { description: 'manage accounts and their roles', grants: { admin: 'any' } },
  'unit.read': { description: 'read the unit tree and its units', grants: DIRECTORY },
  'unit.manage': {
    description: 'create, change, archive and import units; name the tree levels',
    grants: { admin: 'any' },
  },
  'person.read': { description: 'read staff records (name, position, unit)', grants: DIRECTORY },
  'person.read_contact': {
    description:
      "read a staff member's contact data (phone, e-mail, birth year, gender): the authority's offices within their authority, the managers of the person's own unit, the person themselves",
    grants: { ...AUTHORITY_READERS, reception: 'authority', ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'person.manage': { description: 'add, change and archive staff of a unit', grants: { ...OFFICE, ...UNIT_MEMBERS } },
  'person.import': { description: 'import staff from a sheet', grants: OFFICE },
  'audit.read': { description: 'read and verify the audit log', grants: OFFICE },
  'campaign.read': {
    description: 'read campaigns once open (units: those they take part in)',
    grants: { ...WHOLE_AUTHORITY, unit_officer: 'own_unit', unit_head: 'own_unit', staff: 'own_unit' },
  },
  'campaign.read_draft': { description: 'read draft campaigns and the plan templates', grants: AUTHORITY_READERS },
  'campaign.author': {
    description: 'write campaigns, their criteria and plan templates while a draft',
    grants: OFFICE,
  },
  'campaign.open': { description: 'open a campaign', grants: OFFICE },
  'campaign.close': { description: 'close a campaign', grants: OFFICE },
  'campaign.reopen': { description: 'reopen a closed campaign', grants: OFFICE },
  'campaign.finalize': { description: 'finalize a closed campaign', grants: AUTHORITY_READERS },
  'campaign.archive': { description: 'archive a finalized campaign', grants: OFFICE },
  'enrollment.manage': {
    description: 'enrol a unit in a campaign with its commitment',
    grants: { ...OFFICE, ...UNIT_MEMBERS },
  },
  'submission.read': {
    description: 'read self-assessments (the office: once submitted)',
    grants: { ...AUTHORITY_READERS, ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'submission.write': {
    description: "draft a self-assessment: the unit's by its members, a person's by that person",
    grants: { ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'submission.submit': {
    description: "submit a self-assessment: the unit's by its head, a person's by that person",
    grants: { unit_head: 'own_unit', staff: 'own_person' },
    refusal: 'submission.submit_forbidden',
  },
  'submission.return': { description: 'return a submitted self-assessment for changes', grants: OFFICE },
  'submission.accept': { description: 'accept a submitted self-assessment', grants: OFFICE },
  'submission.review': {
    description: 'record the review of a submitted self-assessment: verdict, score and comment per criterion',
    grants: OFFICE,
  },
  'submission.confirm_review': {
    description: "confirm another reviewer's scores where the campaign asks for a second reviewer (four-eyes)",
    grants: OFFICE,
  },
  'scoreboard.read': {
    description: 'read the scoreboard of a campaign (provisional while reviews are open) and export it',
    grants: WHOLE_AUTHORITY,
  },
  'dashboard.read': {
    description: "read a campaign's progress dashboard (units: their own unit's line only)",
    grants: { ...WHOLE_AUTHORITY, ...UNIT_MEMBERS },
  },
  'reminder.send': { description: 'remind chosen units of a campaign with a message (đôn đốc)', grants: OFFICE },
  'reminder.read': {
    description: 'read the reminders sent in a campaign (units: those sent to their own unit)',
    grants: { ...AUTHORITY_READERS, ...UNIT_MEMBERS },
  },
  'job.manage': {
    description: 'read background jobs and the e-mail outbox, and retry a failed job',
    grants: { admin: 'any' },
  },
  'submission.extend_deadline': { description: "extend a unit's submission deadline", grants: OFFICE },
  'finding.read': {
    description: 'read inspection findings and remedy rates',
    grants: { ...AUTHORITY_READERS, ...UNIT_MEMBERS },
  },
  'finding.record': { description: 'record and change inspection findings', grants: OFFICE },
  'finding.remedy': { description: "report the remedy of one's own unit's finding", grants: UNIT_MEMBERS },
  'finding.verify': { description: 'verify a remedied finding', grants: OFFICE },
  'finding.reopen': { description: 'reopen a verified finding', grants: OFFICE },
  'initiative.read': {
    description: 'read initiatives',
    grants: { ...AUTHORITY_READERS, ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'initiative.write': {
    description: 'register and change initiatives (staff: those they are an author of)',
    grants: { ...OFFICE, ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'initiative.recognise': { description: 'recognise an initiative', grants: OFFICE },
  'file.upload': {
    description: "upload evidence and documents (the authority's own files; a unit's space: file.upload_unit)",
    grants: { ...AUTHORITY_OFFICES, ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'file.upload_unit': {
    description:
      "upload into a unit's space: its members, and the offices that work on units' records within their authority",
    grants: { ...AUTHORITY_READERS, reception: 'authority', ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'file.read': {
    description: "read files of the records one may read (units: their own unit's; staff: their own uploads)",
    grants: { ...AUTHORITY_READERS, reception: 'authority', ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'award_type.read': {
    description: 'read the award catalogue, who may grant what, base salaries and public holidays',
    grants: DIRECTORY,
  },
  'award_type.manage': {
    description: 'change the award catalogue, the authority matrix, base salaries, public holidays and award settings',
    grants: { admin: 'any' },
  },
  'award_blocker.read': {
    description: 'read the blockers (pending discipline, investigation, complaint) on nominees',
    grants: WHOLE_AUTHORITY,
  },
  'award_blocker.manage': { description: 'record and lift blockers on nominees', grants: OFFICE },
  'dossier.read': {
    description: "read award dossiers (units: their own unit's; staff: their own)",
    grants: { ...WHOLE_AUTHORITY, ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'dossier.write': {
    description:
      "prepare an award dossier and its documents while a draft or returned: the unit's by its members, a person's by that person",
    grants: { ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'dossier.submit': {
    description: "submit an award dossier: the unit's by its head, a person's by that person",
    grants: { unit_head: 'own_unit', staff: 'own_person' },
    refusal: 'dossier.submit_forbidden',
  },
  'dossier.receive': {
    description:
      'receive submitted dossiers at the one-stop desk (receipt number), check them and return them for supplement',
    grants: { admin: 'any', reception: 'authority' },
  },
  'dossier.evaluate': {
    description: 'put received dossiers to the council, and forward approved ones to the higher authority',
    grants: OFFICE,
  },
  'dossier.decide': {
    description:
      "approve or reject a dossier under review (the leader; the council's tally does it when its meeting closes)",
    grants: { admin: 'any', leader: 'authority' },
  },
  'council.read': { description: 'read councils, their meetings, attendance and tallies', grants: WHOLE_AUTHORITY },
  'council.manage': {
    description: "keep the council's members, hold its meetings, record attendance and votes, close the tally",
    grants: OFFICE,
  },
  'council.vote': {
    description: 'cast one’s own vote as a council member present at an open meeting',
    grants: { leader: 'authority', secretariat: 'authority', unit_head: 'own_unit', unit_officer: 'own_unit' },
  },
  'posting.manage': { description: 'post the approved list publicly and answer objections', grants: OFFICE },
  'decision.read': { description: 'read award decisions', grants: WHOLE_AUTHORITY },
  'decision.draft': { description: 'draft an award decision from the approved dossiers', grants: OFFICE },
  'decision.issue': {
    description: 'issue an award decision (number, date, signer), attach its signed scan',
    grants: { admin: 'any', leader: 'authority' },
  },
  'award.read': {
    description: "read the award register (units: their own unit's awards; staff: their own)",
    grants: { ...WHOLE_AUTHORITY, ...UNIT_MEMBERS, staff: 'own_person' },
  },
  'award.revoke': { description: 'revoke an award with a reason', grants: { admin: 'any', leader: 'authority' } },
} as const satisfies Record<string, PermissionEntry>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Who is asking: an account's grants, its staff record, and (on the server) the authority tree. */
export interface PermissionSubject {
  personId: string | null;
  roles: readonly RoleGrant[];
  /**
   * Whether an authority-wide grant held at `grantUnitId` covers `unitId` (its subtree). The server
   * knows the tree; without it (the web app) a grant covers its own unit only.
   */
  covers?: (grantUnitId: string, unitId: string) => boolean;
}

/** What is acted on: the unit it belongs to (for a campaign: its issuing authority) and its person. */
export interface PermissionTarget {
  unitId?: string | null;
  personId?: string | null;
}

export function grantsOf(permission: Permission): Partial<Record<RoleName, Scope>> {
  return PERMISSIONS[permission].grants;
}

/** The problem code with which a call is refused for want of the permission. */
export function refusalOf(permission: Permission): string {
  const entry: PermissionEntry = PERMISSIONS[permission];
  return entry.refusal ?? 'auth.forbidden';
}

/** The roles that hold a permission, in any scope. */
export function rolesWith(permission: Permission): RoleName[] {
  return Object.keys(grantsOf(permission)) as RoleName[];
}

function grantReaches(subject: PermissionSubject, grant: RoleGrant, scope: Scope, target?: PermissionTarget): boolean {
  if (scope === 'any') return true;
  const unitId = target?.unitId;
  if (scope === 'own_person') {
    if (target?.personId !== undefined) return subject.personId !== null && target.personId === subject.personId;
    // a person acts within the unit the role is held in
    return unitId === undefined || (unitId !== null && grant.unitId === unitId);
  }
  if (unitId === undefined) return true;
  if (unitId === null) return scope === 'authority' && !grant.unitId;
  if (scope === 'own_unit') return grant.unitId === unitId;
  // authority: held without a unit it covers every unit
  if (!grant.unitId) return true;
  return grant.unitId === unitId || (subject.covers?.(grant.unitId, unitId) ?? false);
}

/**
 * May the subject use the permission on the target? Without a target it answers whether the subject
 * holds the permission at all (the question a route or a menu asks); the object's unit and person
 * then narrow it to the grants that reach that object.
 */
export function can(subject: PermissionSubject | null, permission: Permission, target?: PermissionTarget): boolean {
  if (!subject) return false;
  const grants = grantsOf(permission);
  return subject.roles.some((g) => {
    const scope = grants[g.role];
    return scope !== undefined && grantReaches(subject, g, scope, target);
  });
}

/** The widest scope the subject holds a permission in, or null when it does not hold it. */
export function scopeOf(subject: PermissionSubject | null, permission: Permission): Scope | null {
  if (!subject) return null;
  const grants = grantsOf(permission);
  let best: Scope | null = null;
  for (const g of subject.roles) {
    const scope = grants[g.role];
    if (scope && (best === null || SCOPES.indexOf(scope) < SCOPES.indexOf(best))) best = scope;
  }
  return best;
}

/** Units on which the subject holds the permission through an own_unit grant. */
export function ownUnitsFor(subject: PermissionSubject | null, permission: Permission): string[] {
  if (!subject) return [];
  const grants = grantsOf(permission);
  return [...new Set(subject.roles.filter((g) => grants[g.role] === 'own_unit' && g.unitId).map((g) => g.unitId!))];
}

/**
 * "Reviewers may not review their own unit": a member of the unit (any unit role in it), or the
 * person assessed, is refused whatever their other roles.
 */
export function isOwnRecord(subject: PermissionSubject | null, target: PermissionTarget): boolean {
  if (!subject) return false;
  const member = target.unitId
    ? subject.roles.some((g) => g.unitId === target.unitId && UNIT_ROLES.includes(g.role))
    : false;
  return member || (target.personId != null && subject.personId === target.personId);
}
