// The operators' charts: Apache ECharts with only the parts they use (bars, lines, axes, tooltip, legend), drawn
// as SVG so that they follow the page's fonts and print sharply.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const charts = new Map();
let nextId = 1;

// Draws (or redraws) a chart of series over the same labels: bars for counts, with the page's theme.
// series: [{ name, values, colour }]
export function draw(container, id, labels, series, dark) {
  let chart = id ? charts.get(id) : null;
  if (!chart) {
    chart = echarts.init(container, null, { renderer: 'svg' });
    id = nextId++;
    charts.set(id, chart);
    new ResizeObserver(() => chart.resize()).observe(container);
  }
  const text = dark ? '#e0e0e0' : '#424242';
  chart.setOption({
    animation: false,
    // The page's font by name: ECharts measures text with it, so that legend entries do not overlap.
    textStyle: { fontFamily: 'Roboto, Helvetica, Arial, sans-serif' },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemGap: 16, textStyle: { color: text } },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: labels, axisLabel: { color: text } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text } },
    series: series.map(s => ({ name: s.name, type: 'bar', data: s.values, itemStyle: { color: s.colour }, barMaxWidth: 18 })),
  }, true);
  return id;
}

export function dispose(id) {
  const chart = charts.get(id);
  if (chart) {
    chart.dispose();
    charts.delete(id);
  }
}
