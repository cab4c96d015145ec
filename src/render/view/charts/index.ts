/** SVG charts for the backlog report: plain React + SVG, for the Custom UI and the static HTML file. */
export { TrendChart, type TrendChartProps, type TrendPoint } from './TrendChart';
export { CriteriaBars, type CriteriaBarsProps } from './CriteriaBars';
export { ScoreHistogram, bucketCounts, bucketLabel, type ScoreHistogramProps } from './ScoreHistogram';
export { COLORS } from './theme';
