/** Calendar days between the API (YYYY-MM-DD) and antd's date pickers (dayjs), shown as dd/MM/yyyy. */
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'DD/MM/YYYY';

export function toDateOnly(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

export function fromDateOnly(s: string | null | undefined): Dayjs | null {
  return s ? dayjs(s) : null;
}
