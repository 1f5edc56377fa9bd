/** /: greeting, what waits for the user (việc cần làm), their roles and quick links to the pages their roles open. */
import { useMemo } from 'react';
import { Card, Col, Descriptions, Row, Skeleton, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/auth.ts';
import { mayOpen } from '../../lib/permissions.ts';
import { RoleTags } from '../../components/role-tags.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { TaskListCard } from '../../features/tasks/components/task-list-card.tsx';
import { navPages } from '../pages.tsx';

export default function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const hasUnitRole = (user?.roles ?? []).some((g) => g.unitId);
  const tree = useUnitTree();
  const unitNames = useMemo(() => new Map((tree.data?.items ?? []).map((u) => [u.id, u.name])), [tree.data]);
  const links = navPages().filter((p) => p.nav.quickLink !== false && mayOpen(user, p.access));

  if (!user) return null;
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: user.fullName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <TaskListCard />
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.myAccount')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('users.fields.email')}>{user.email}</Descriptions.Item>
              <Descriptions.Item label={t('home.myRoles')}>
                {hasUnitRole && tree.isPending ? (
                  <Skeleton.Input active size="small" />
                ) : (
                  <RoleTags roles={user.roles} unitNames={unitNames} />
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('home.quickLinks')} size="small">
            <Row gutter={[12, 12]}>
              {links.map((p) => (
                <Col xs={24} sm={12} key={p.path}>
                  <Link to={p.path} style={{ display: 'block' }}>
                    <Card hoverable size="small">
                      <Card.Meta
                        avatar={<span style={{ fontSize: 22 }}>{p.nav.icon}</span>}
                        title={t(p.titleKey)}
                        description={p.nav.descriptionKey ? t(p.nav.descriptionKey) : null}
                      />
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
