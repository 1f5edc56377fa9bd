/**
 * Document numbers (số văn bản) from a register per issuing body, year and series, starting at 1:
 * 'QĐ' decisions, 'TTr' proposal letters, 'BB' council minutes, 'TN' reception receipts. Taking a
 * number is one upsert inside the caller's transaction, so two desks never get the same number and
 * a rolled-back issue leaves no gap.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { documentRegisters } from '../db/schema/index.ts';

export const REGISTER_SERIES = ['QĐ', 'TTr', 'BB', 'TN'] as const;
export type RegisterSeries = (typeof REGISTER_SERIES)[number];

export async function nextNumber(
  tx: Executor,
  issuerUnitId: string,
  year: number,
  series: RegisterSeries,
): Promise<number> {
  const [row] = await tx
    .insert(documentRegisters)
    .values({ issuerUnitId, year, series, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentRegisters.issuerUnitId, documentRegisters.year, documentRegisters.series],
      set: { lastNumber: sql`${documentRegisters.lastNumber} + 1` },
    })
    .returning({ n: documentRegisters.lastNumber });
  return row!.n;
}

/** The number as printed: "05/QĐ-UBND" (two digits at least, as registers start at 01). */
export function formatDocumentNumber(n: number, series: RegisterSeries, issuerCode: string): string {
  return `${String(n).padStart(2, '0')}/${series}-${issuerCode}`;
}
