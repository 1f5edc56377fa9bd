import { describe, expect, it } from 'vitest';
import type { Me, RoleGrant } from '@thidua/contract';
import { canReview, canUser, holdsWidely, mayOpen, reachOn, unitsFor } from './permissions.ts';

function account(roles: RoleGrant[], personId: string | null = null): Me {
  return {
    id: 'us_1',
    email: 'someone@thachha.gov.vn',
    fullName: 'Someone',
    personId,
    roles,
    disabled: false,
    lastLoginAt: null,
    mustChangePassword: false,
  };
}

const officerOfA = account(
  [
    { role: 'unit_officer', unitId: 'un_a' },
    { role: 'staff', unitId: 'un_a' },
  ],
  'pe_officer',
);
const headOfA = account([{ role: 'unit_head', unitId: 'un_a' }], 'pe_head');
const staffOfA = account([{ role: 'staff', unitId: 'un_a' }], 'pe_staff');
const secretariat = account([{ role: 'secretariat', unitId: null }]);
const communeSecretariat = account([{ role: 'secretariat', unitId: 'un_commune' }]);
// The standing office's clerk, who is also on the staff of unit A.
const officeInA = account(
  [
    { role: 'secretariat', unitId: null },
    { role: 'staff', unitId: 'un_a' },
  ],
  'pe_clerk',
);
const leader = account([{ role: 'leader', unitId: null }]);
const admin = account([{ role: 'admin', unitId: null }]);

describe('findings', () => {
  it("lets a unit officer remedy their own unit's finding, not another unit's", () => {
    expect(canUser(officerOfA, 'finding.remedy', { unitId: 'un_a' })).toBe(true);
    expect(canUser(officerOfA, 'finding.remedy', { unitId: 'un_b' })).toBe(false);
    expect(canUser(staffOfA, 'finding.remedy', { unitId: 'un_a' })).toBe(false);
  });

  it('lets the standing office record findings, not a unit officer or a leader', () => {
    expect(canUser(secretariat, 'finding.record')).toBe(true);
    expect(canUser(admin, 'finding.record')).toBe(true);
    expect(canUser(officerOfA, 'finding.record')).toBe(false);
    expect(canUser(leader, 'finding.record')).toBe(false);
  });

  it('never lets the office verify a finding of its own unit', () => {
    expect(canReview(officeInA, 'finding.verify', { unitId: 'un_b' })).toBe(true);
    expect(canReview(officeInA, 'finding.verify', { unitId: 'un_a' })).toBe(false);
    expect(canReview(leader, 'finding.verify', { unitId: 'un_b' })).toBe(false);
  });
});

describe('self-assessments', () => {
  it("lets the office review others' but never its own person's or unit's", () => {
    expect(canReview(officeInA, 'submission.accept', { unitId: 'un_b', personId: null })).toBe(true);
    expect(canReview(officeInA, 'submission.accept', { unitId: 'un_a', personId: null })).toBe(false);
    expect(canReview(secretariat, 'submission.accept', { unitId: 'un_b', personId: 'pe_x' })).toBe(true);
  });

  it("keeps a unit's record to its members and a person's record to that person", () => {
    const unitRecord = { unitId: 'un_a', personId: null };
    const staffRecord = { unitId: null, personId: 'pe_staff' };
    expect(canUser(officerOfA, 'submission.write', unitRecord)).toBe(true);
    expect(canUser(staffOfA, 'submission.write', unitRecord)).toBe(false);
    expect(canUser(staffOfA, 'submission.write', staffRecord)).toBe(true);
    expect(canUser(officerOfA, 'submission.write', staffRecord)).toBe(false);
    expect(canUser(headOfA, 'submission.submit', unitRecord)).toBe(true);
    expect(canUser(officerOfA, 'submission.submit', unitRecord)).toBe(false);
  });
});

describe('reach', () => {
  it('offers every unit to a wide grant, and their own units to a unit role', () => {
    expect(unitsFor(secretariat, 'person.manage')).toBeNull();
    expect(unitsFor(admin, 'person.manage')).toBeNull();
    expect(unitsFor(officerOfA, 'person.manage')).toEqual(new Set(['un_a']));
    expect(unitsFor(staffOfA, 'person.manage')).toEqual(new Set());
    expect(unitsFor(null, 'person.manage')).toEqual(new Set());
  });

  it("takes an authority's grant held at a unit to reach any unit (the API narrows it)", () => {
    expect(holdsWidely(communeSecretariat, 'enrollment.manage')).toBe(true);
    expect(canUser(communeSecretariat, 'finding.verify', { unitId: 'un_village' })).toBe(true);
    expect(holdsWidely(officerOfA, 'enrollment.manage')).toBe(false);
  });

  it('tells recording an initiative for the unit from recording it as its author', () => {
    expect(reachOn(officerOfA, 'initiative.write', 'un_a')).toBe('own_unit');
    expect(reachOn(staffOfA, 'initiative.write', 'un_a')).toBe('own_person');
    expect(reachOn(staffOfA, 'initiative.write', 'un_b')).toBeNull();
    expect(reachOn(secretariat, 'initiative.write', 'un_b')).toBe('authority');
  });
});

describe('pages', () => {
  it('opens a page without access rules to anyone signed in, and no page to nobody', () => {
    expect(mayOpen(staffOfA, undefined)).toBe(true);
    expect(mayOpen(null, undefined)).toBe(false);
  });

  it('opens a page to the holders of its permission', () => {
    expect(mayOpen(admin, { permission: 'user.manage' })).toBe(true);
    expect(mayOpen(secretariat, { permission: 'user.manage' })).toBe(false);
    expect(mayOpen(secretariat, { permission: 'audit.read' })).toBe(true);
    expect(mayOpen(staffOfA, { permission: 'submission.write' })).toBe(true);
    expect(mayOpen(leader, { permission: 'submission.write' })).toBe(false);
  });

  it("keeps the reviewers' pages to those who read beyond their own unit", () => {
    const reviewers = { permission: 'submission.read', widely: true } as const;
    expect(mayOpen(leader, reviewers)).toBe(true);
    expect(mayOpen(secretariat, reviewers)).toBe(true);
    expect(mayOpen(headOfA, reviewers)).toBe(false);
    expect(mayOpen(staffOfA, reviewers)).toBe(false);
  });
});
