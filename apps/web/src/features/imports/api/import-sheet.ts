/**
 * POST /units/import and /people/import — a sheet (XLSX or CSV) as multipart/form-data. A dry run
 * checks it and reports what would change; a sheet with errors answers 422 with the same report
 * (every problem with its row), which is a result to show, not a failure: both resolve to the report.
 */
import { useMutation } from '@tanstack/react-query';
import type { ImportReport } from '@thidua/contract';
import { isApiError, request } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';

export type ImportKind = 'units' | 'people';

export interface ImportSheetInput {
  kind: ImportKind;
  file: File;
  dryRun: boolean;
}

export async function importSheet({ kind, file, dryRun }: ImportSheetInput): Promise<ImportReport> {
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    return (await request<ImportReport>(`/${kind}/import`, { method: 'POST', body, query: { dryRun } })).data;
  } catch (err) {
    if (isApiError(err) && err.status === 422 && err.code === 'import.rows_invalid' && err.problem)
      return err.problem as unknown as ImportReport;
    throw err;
  }
}

export function useImportSheet() {
  return useMutation({ mutationFn: importSheet });
}

/** GET /{kind}/import/template.xlsx — the sheet to fill in, with its headers and an example row. */
export function downloadImportTemplate(kind: ImportKind): Promise<string> {
  return downloadFile(
    `/${kind}/import/template.xlsx`,
    kind === 'units' ? 'mau-nhap-don-vi.xlsx' : 'mau-nhap-can-bo.xlsx',
  );
}
