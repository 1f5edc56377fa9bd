/** People rows (with their unit's name) as the contract's Person. */
import type { Person } from '@thidua/contract';
import type { PersonWithUnit } from './people.repository.ts';

export function toPerson(r: PersonWithUnit): Person {
  const p = r.person;
  return {
    id: p.id,
    unitId: p.unitId,
    unitName: r.unitName,
    fullName: p.fullName,
    position: p.position,
    email: p.email,
    phone: p.phone,
    gender: (p.gender as Person['gender']) ?? null,
    birthYear: p.birthYear,
    archived: p.archived,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
