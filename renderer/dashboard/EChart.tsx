import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { init, type ChartOption, type EChartsType } from './echarts-setup';

interface Props {
  option: ChartOption;
  height: number;
  testId: string;
  /** Read by assistive technology instead of the canvas. */
  label: string;
}

/** One ECharts canvas: made on mount (again when the colour scheme changes), resized with its box, disposed on unmount. */
export function EChart({ option, height, testId, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const scheme = useComputedColorScheme('light');

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, scheme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [scheme]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !box.current) return;
    instance.setOption(option, { notMerge: true });
    box.current.dataset.rendered = 'true';
  }, [option, scheme]);

  return <div ref={box} style={{ height, width: '100%' }} role="img" aria-label={label} data-testid={testId} />;
}
