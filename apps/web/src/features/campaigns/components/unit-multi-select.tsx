/** Several units picked from the unit tree (named participants), searchable without diacritics. */
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { Unit } from '@thidua/contract';
import { buildUnitTree, unitSearchText, type UnitNode } from '../../../lib/unit-tree.ts';
import { keyMatchesSearch } from '../../../lib/search.ts';

interface TreeOption {
  value: string;
  title: string;
  search: string;
  children: TreeOption[];
}

interface Props {
  units: readonly Unit[];
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
}

export function UnitMultiSelect({ units, value, onChange, placeholder, disabled, id }: Props) {
  const treeData = useMemo(() => {
    const toOption = (node: UnitNode): TreeOption => ({
      value: node.unit.id,
      title: `${node.unit.name} (${node.unit.code})`,
      search: unitSearchText(node.unit),
      children: node.children.map(toOption),
    });
    return buildUnitTree(units.filter((u) => !u.archived)).map(toOption);
  }, [units]);

  return (
    <TreeSelect<string[]>
      id={id}
      multiple
      disabled={disabled}
      style={{ width: '100%' }}
      value={value ?? []}
      onChange={(v) => onChange?.(v ?? [])}
      treeData={treeData}
      placeholder={placeholder}
      allowClear
      showSearch={{
        filterTreeNode: (input, node) => keyMatchesSearch((node as unknown as TreeOption).search, input),
      }}
      treeDefaultExpandAll
      listHeight={360}
      maxTagCount="responsive"
    />
  );
}
