/**
 * The file widget the initiatives screens use (the initiative's files, the recognition decision). It
 * comes from the files feature, handed in by the route (features do not import each other).
 */
import type { ComponentType } from 'react';
import type { FileInfo } from '@thidua/contract';

export interface EvidenceSlotProps {
  files: readonly FileInfo[];
  onAdd?: (file: FileInfo) => void;
  onRemove?: (fileId: string) => void;
  ownerUnitId?: string | null;
  disabled?: boolean;
  uploadLabel?: string;
  hideEmpty?: boolean;
  testId?: string;
}

export type EvidenceSlot = ComponentType<EvidenceSlotProps>;
