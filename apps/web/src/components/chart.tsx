/**
 * A chart drawn by Apache ECharts, sized to its container. Only the parts the app draws are
 * registered (bar and pie charts, grid, tooltip, legend, aria; the SVG renderer), so the bundle
 * carries no more of ECharts than that; the module is imported only by the screens with charts,
 * which load lazily. `onSelect` gets the `name` of the bar or slice clicked (a click-through).
 */
import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

interface ChartProps {
  option: ChartOption;
  height: number;
  /** The chart's accessible name (its data is also described to screen readers by ECharts' aria). */
  label: string;
  /** Called with the category or slice name clicked. */
  onSelect?: (name: string) => void;
  testId?: string;
}

export function Chart({ option, height, label, onSelect, testId }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.name === 'string') select.current?.(params.name);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onSelect ? 'pointer' : undefined }}
    />
  );
}
