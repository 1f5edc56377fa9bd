/**
 * The shapes of the file widgets that the files feature provides and the other features show. A
 * feature does not import another, so a screen takes the widget as a prop (a "slot") typed here,
 * and the route that composes the features hands in the files feature's component.
 */
import type { ComponentType } from 'react';
import type { FileInfo } from '@thidua/contract';

/** A record's evidence files (a criterion's answer, a finding's documents, an initiative's files…). */
export interface EvidenceSlotProps {
  /** Files attached now. */
  files: readonly FileInfo[];
  /** Present = editable: called with each file once it is stored on the server. */
  onAdd?: (file: FileInfo) => void;
  /** Present = files can be taken off the record. */
  onRemove?: (fileId: string) => void;
  /** Owner unit sent with the upload (see POST /files); omitted = the uploader's own unit or the authority. */
  ownerUnitId?: string | null;
  disabled?: boolean;
  /** Label of the upload button. */
  uploadLabel?: string;
  /** Hide the "no files yet" line (e.g. where an empty list says nothing useful). */
  hideEmpty?: boolean;
  /** data-testid of the whole field. */
  testId?: string;
}

export type EvidenceSlot = ComponentType<EvidenceSlotProps>;

/** Files a record holds as ids only (a campaign's attachments), as an antd form control. */
export interface AttachmentsSlotProps {
  /** The attached files' ids, in order. */
  value?: readonly string[];
  /** Present = editable: called with the whole new list (antd's Form.Item hands it in). */
  onChange?: (fileIds: string[]) => void;
  disabled?: boolean;
  uploadLabel?: string;
  /** The line shown when nothing is attached. */
  emptyText?: string;
  testId?: string;
}

export type AttachmentsSlot = ComponentType<AttachmentsSlotProps>;
