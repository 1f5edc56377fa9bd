/** /tai-khoan: account administration (admin). */
import { useMemo } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/auth.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { UsersAdmin } from '../../features/users/components/users-admin.tsx';

export default function UsersPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const tree = useUnitTree();
  const units = useMemo(() => tree.data?.items ?? [], [tree.data]);
  return (
    <div>
      <PageHeader title={t('pages.users.title')} subtitle={t('pages.users.description')} />
      <Card>
        <UsersAdmin units={units} currentUserId={user?.id ?? ''} />
      </Card>
    </div>
  );
}
