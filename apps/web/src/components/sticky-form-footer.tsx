/**
 * The bar at the bottom of a long form that stays in view while the form scrolls, so its save
 * button is always at hand.
 */
import type { ReactNode } from 'react';
import { theme } from 'antd';

export function StickyFormFooter({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        position: 'sticky',
        bottom: 0,
        background: token.colorBgContainer,
        paddingBlock: 12,
        zIndex: 1,
        borderTop: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      {children}
    </div>
  );
}
