// Contacts per week as a small bar chart: plain inline SVG (no chart library), scaled to its
// container through the viewBox. Each bar has a tooltip; the whole chart a plain summary for
// screen readers.
import { tokens } from '@fluentui/react-components';
import type { Chronology } from '../../app/review/types';
import { formatDay, weekBarText, weeklySummaryText } from './reviewText';

const BAR = 10;
const GAP = 3;
const HEIGHT = 60;
const AXIS = 14;

export function WeeklyChart({ perWeek }: { perWeek: Chronology['perWeek'] }) {
  if (perWeek.length === 0) return null;
  const max = Math.max(1, ...perWeek.map((w) => w.count));
  const total = perWeek.reduce((sum, w) => sum + w.count, 0);
  const busiest = perWeek.reduce((a, b) => (b.count > a.count ? b : a));
  const width = perWeek.length * (BAR + GAP) + GAP;
  const summary = weeklySummaryText(total, perWeek.length, busiest);
  return (
    <svg
      role="img"
      aria-label={summary}
      data-testid="weekly-chart"
      viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
      preserveAspectRatio="xMinYMax meet"
      style={{ width: '100%', maxWidth: `${Math.max(width * 3, 200)}px`, height: '90px' }}
    >
      <title>{summary}</title>
      <line
        x1={0}
        x2={width}
        y1={HEIGHT + 0.5}
        y2={HEIGHT + 0.5}
        stroke={tokens.colorNeutralStroke1}
        strokeWidth={1}
      />
      {perWeek.map((w, i) => {
        const h = Math.round((w.count / max) * (HEIGHT - 4));
        return (
          <rect
            key={w.weekStart}
            data-week={w.weekStart}
            data-count={w.count}
            x={GAP + i * (BAR + GAP)}
            y={HEIGHT - h}
            width={BAR}
            height={Math.max(h, w.count > 0 ? 1 : 0)}
            fill={tokens.colorBrandBackground}
          >
            <title>{weekBarText(w.weekStart, w.count)}</title>
          </rect>
        );
      })}
      <text x={GAP} y={HEIGHT + AXIS - 2} fontSize={9} fill={tokens.colorNeutralForeground2}>
        {formatDay(perWeek[0]!.weekStart)}
      </text>
      {perWeek.length > 8 && (
        <text
          x={width - GAP}
          y={HEIGHT + AXIS - 2}
          fontSize={9}
          textAnchor="end"
          fill={tokens.colorNeutralForeground2}
        >
          {formatDay(perWeek[perWeek.length - 1]!.weekStart)}
        </text>
      )}
    </svg>
  );
}
