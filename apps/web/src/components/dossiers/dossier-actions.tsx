/**
 * The DossierActions area of the dossier page (/ho-so/$dossierId): the reception desk and the
 * forwarding upward put their buttons here (the dossier page's route composes them; features do
 * not import each other). Renders nothing when no child renders anything.
 */
import { Space } from 'antd';
import type { Dossier } from '@thidua/contract';
import type { ReactNode } from 'react';

export function DossierActions({ children }: { dossier: Dossier; children?: ReactNode }) {
  return (
    <Space wrap data-testid="dossier-actions">
      {children}
    </Space>
  );
}
