/** The accessible SVG frame every chart shares: a labelled image (or group) with its title and description. */
import type { ReactNode } from 'react';

export interface ChartSvgProps {
  /** `img` for a picture with a text equivalent; `group` when the marks inside are interactive. */
  role?: 'img' | 'group';
  titleId: string;
  descId: string;
  title: string;
  description: string;
  width: number;
  height: number;
  children: ReactNode;
}

export function ChartSvg({ role = 'img', titleId, descId, title, description, width, height, children }: ChartSvgProps) {
  return (
    <svg
      role={role}
      aria-labelledby={titleId}
      aria-describedby={descId}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ maxWidth: '100%', height: 'auto', display: 'block', overflow: 'visible' }}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {children}
    </svg>
  );
}
