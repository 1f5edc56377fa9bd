/** Unit rows as the contract's Unit; the level's name comes from the settings' level names. */
import type { Unit } from '@thidua/contract';
import { levelName } from '../settings/index.ts';
import type { UnitFields } from './units.repository.ts';

export function toUnit(r: UnitFields, names: string[]): Unit {
  return {
    id: r.id,
    parentId: r.parentId,
    code: r.code,
    name: r.name,
    kind: r.kind as Unit['kind'],
    level: r.level,
    levelName: levelName(names, r.level),
    displayOrder: r.displayOrder,
    address: r.address,
    phone: r.phone,
    email: r.email,
    archived: r.archived,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
