import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import { importSheet } from './import-sheet.ts';

const report = {
  kind: 'people',
  dryRun: true,
  committed: false,
  total: 2,
  created: 1,
  updated: 0,
  unchanged: 0,
  ignoredColumns: [],
  errors: [{ row: 3, field: 'Mã đơn vị', code: 'import.unit_not_found', message: 'Không tìm thấy đơn vị có mã "X".' }],
};

function answer(status: number, body: unknown, type = 'application/problem+json') {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('importing a sheet', () => {
  it('sends the file as multipart with dryRun in the query, and returns the report', async () => {
    const fetch = answer(200, { ...report, errors: [] }, 'application/json');
    vi.stubGlobal('fetch', fetch);
    const file = new File(['Họ và tên;Mã đơn vị\r\n'], 'can-bo.csv', { type: 'text/csv' });
    const got = await importSheet({ kind: 'people', file, dryRun: true });
    expect(got.total).toBe(2);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/people/import?dryRun=true');
    expect(init.method).toBe('POST');
    expect(init.body).toBeInstanceOf(FormData);
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
    // The browser sets the multipart boundary itself: no JSON content type.
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('a sheet with errors (422) is a report to show, with each row named', async () => {
    vi.stubGlobal(
      'fetch',
      answer(422, { type: 'x', title: 'x', status: 422, code: 'import.rows_invalid', detail: '1 lỗi', ...report }),
    );
    const got = await importSheet({ kind: 'people', file: new File(['x'], 'a.csv'), dryRun: true });
    expect(got.errors).toEqual(report.errors);
    expect(got.committed).toBe(false);
  });

  it('any other refusal (a file that is not a sheet: 415) stays an error', async () => {
    vi.stubGlobal(
      'fetch',
      answer(415, {
        type: 'x',
        title: 'x',
        status: 415,
        code: 'import.unsupported_type',
        detail: 'Chỉ nhận tệp .xlsx hoặc .csv.',
      }),
    );
    await expect(importSheet({ kind: 'units', file: new File(['x'], 'a.pdf'), dryRun: true })).rejects.toBeInstanceOf(
      ApiError,
    );
  });
});
