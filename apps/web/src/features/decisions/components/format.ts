/** "702.000 đ": VND with the Vietnamese thousands separator. */
export function vnd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** "08/12/2026" from "2026-12-08". */
export function dmy(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Today in Vietnam (UTC+7), as YYYY-MM-DD. */
export function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}
