/**
 * A unit picker shaped like the unit tree, with diacritics-free search. Presentational: the caller
 * passes the units (from the unit tree query), so forms of any feature can use it.
 */
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@thidua/contract';
import { buildUnitTree, unitSearchText, type UnitNode } from '../lib/unit-tree.ts';
import { keyMatchesSearch } from '../lib/search.ts';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  search: string;
  children: TreeOption[];
}

export interface UnitTreeSelectProps {
  units: readonly Unit[];
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  /** Units that cannot be picked (e.g. a unit itself and its subtree when choosing its parent). */
  disabledIds?: ReadonlySet<string>;
  /** When given, only these units can be picked (e.g. the units a unit officer manages). */
  allowedIds?: ReadonlySet<string> | null;
  allowClear?: boolean;
  loading?: boolean;
  id?: string;
  style?: React.CSSProperties;
}

export function UnitTreeSelect({
  units,
  value,
  onChange,
  placeholder,
  disabledIds,
  allowedIds,
  allowClear = true,
  loading,
  id,
  style,
}: UnitTreeSelectProps) {
  const { t } = useTranslation();
  const archivedTag = t('units.archivedTag');
  const treeData = useMemo(() => {
    const toOption = (node: UnitNode): TreeOption => ({
      value: node.unit.id,
      title: `${node.unit.name} (${node.unit.code})${node.unit.archived ? ` — ${archivedTag}` : ''}`,
      disabled: disabledIds?.has(node.unit.id) || (allowedIds ? !allowedIds.has(node.unit.id) : false),
      search: unitSearchText(node.unit),
      children: node.children.map(toOption),
    });
    return buildUnitTree(units).map(toOption);
  }, [units, disabledIds, allowedIds, archivedTag]);

  return (
    <TreeSelect<string>
      id={id}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={loading}
      showSearch={{
        filterTreeNode: (input, node) => keyMatchesSearch((node as unknown as TreeOption).search, input),
      }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}
