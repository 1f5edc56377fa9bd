/**
 * The file widget for a campaign's attached files (the signed plan …), as ids: a form control in
 * the editor, a read-only list with downloads on the campaign page. It comes from the files
 * feature, handed in by the route (features do not import each other).
 */
import type { ComponentType } from 'react';

export interface AttachmentsSlotProps {
  /** The attached files' ids, in order. */
  value?: readonly string[];
  /** Present = editable (antd's Form.Item hands it in). */
  onChange?: (fileIds: string[]) => void;
  disabled?: boolean;
  uploadLabel?: string;
  /** The line shown when nothing is attached. */
  emptyText?: string;
  testId?: string;
}

export type AttachmentsSlot = ComponentType<AttachmentsSlotProps>;
