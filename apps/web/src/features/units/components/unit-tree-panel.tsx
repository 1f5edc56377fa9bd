/**
 * The unit tree with a search box. Search ignores diacritics and keeps the ancestors of each match,
 * so "thach hai" shows "UBND xã Thạch Hải" under its district.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Empty, Input, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import type { Unit } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { ancestorIds, buildUnitTree, filterUnits, type UnitNode } from '../../../lib/unit-tree.ts';

interface Props {
  units: readonly Unit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function UnitTreePanel({ units, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const filter = useMemo(() => filterUnits(units, query), [units, query]);
  const roots = useMemo(() => buildUnitTree(units), [units]);

  // Open at first: the roots and the path to the selected unit, set before the first render so the
  // tree does not animate open. A new search opens the path to every hit; clearing it goes back to
  // the roots. Selecting a unit opens its path on top of what the user expanded.
  const [expanded, setExpanded] = useState<string[]>(() => [
    ...new Set([...roots.map((r) => r.unit.id), ...(selectedId ? ancestorIds(units, selectedId) : [])]),
  ]);
  const lastFilter = useRef(filter);
  useEffect(() => {
    if (lastFilter.current === filter) return;
    lastFilter.current = filter;
    setExpanded(filter ? [...filter.visible] : roots.map((r) => r.unit.id));
  }, [filter, roots]);
  useEffect(() => {
    if (!selectedId) return;
    const path = ancestorIds(units, selectedId);
    setExpanded((open) => (path.every((id) => open.includes(id)) ? open : [...new Set([...open, ...path])]));
  }, [selectedId, units]);

  const treeData = useMemo(() => {
    const toNode = (node: UnitNode): TreeDataNode | null => {
      if (filter && !filter.visible.has(node.unit.id)) return null;
      const hit = filter?.matches.has(node.unit.id);
      return {
        key: node.unit.id,
        title: (
          <span>
            {hit ? <mark className="search-hit">{node.unit.name}</mark> : <span>{node.unit.name}</span>}
            {node.unit.archived && (
              <Tag style={{ marginInlineStart: 8 }} color="default">
                {t('units.archivedTag')}
              </Tag>
            )}
          </span>
        ),
        children: node.children.map(toNode).filter((n): n is TreeDataNode => n !== null),
      };
    };
    return roots.map(toNode).filter((n): n is TreeDataNode => n !== null);
  }, [roots, filter, t]);

  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t('units.searchPlaceholder')}
        aria-label={t('units.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query ? t('units.noMatch') : t('units.empty')} />
      ) : (
        <div className="unit-tree-scroll" data-testid="unit-tree">
          <Tree
            blockNode
            showLine
            treeData={treeData}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys.map(String))}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => {
              const key = keys[0];
              if (key !== undefined) onSelect(String(key));
            }}
          />
        </div>
      )}
    </div>
  );
}
