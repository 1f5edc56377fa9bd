/** A template's document saved as a JSON file (the same format an import reads back). */
import { useMutation } from '@tanstack/react-query';
import { fileSafeName, saveBlob } from '../../../lib/download.ts';
import { getTemplate } from './get-template.ts';

export async function downloadTemplate(id: string): Promise<string> {
  const record = await getTemplate(id);
  const name = `${fileSafeName(record.name)}.json`;
  saveBlob(new Blob([JSON.stringify(record.document, null, 2)], { type: 'application/json' }), name);
  return name;
}

export function useDownloadTemplate() {
  return useMutation({ mutationFn: downloadTemplate });
}
