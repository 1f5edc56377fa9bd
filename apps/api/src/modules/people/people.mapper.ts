/** People rows (with their unit's name) as the contract's Person. */
import type { Person } from '@thidua/contract';
import type { PersonWithUnit } from './people.repository.ts';

/**
 * `withContact` false (the reader lacks 'person.read_contact' on this person): phone, e-mail, birth
 * year and gender are answered null, the contract's shape unchanged. The audit log keeps them all.
 */
export function toPerson(r: PersonWithUnit, withContact = true): Person {
  const p = r.person;
  if (!withContact) return { ...toPerson(r), email: null, phone: null, gender: null, birthYear: null };
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
