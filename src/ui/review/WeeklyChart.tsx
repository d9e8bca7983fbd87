// Contacts per week as a labelled bar chart: a title, a y axis with whole-number ticks, the week
// dates under the x axis and the counts above the bars (weeklyChartModel.ts decides which). Drawn
// in HTML and CSS rather than a scaled SVG so its words stay at a readable size at any width. For
// assistive technology the drawing is one image with a one-sentence summary (role="img"), and the
// full data is a table under "Show the counts as a table".
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Chronology } from '../../app/review/types';
import { weeklyChartModel } from './weeklyChartModel';
import { REVIEW_TEXT, formatDay, weekBarText } from './reviewText';

const PLOT_HEIGHT = '140px';

// Windows high contrast replaces backgrounds with the page's colour: the bars keep a system
// colour so they stay visible (forced-color-adjust, CSS Color Adjustment Module Level 1).
const FORCED = '@media (forced-colors: active)';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'grid', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0 },
  chart: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gridTemplateRows: `auto ${PLOT_HEIGHT} auto auto`,
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    maxWidth: '720px',
  },
  yTitle: { gridColumn: '1 / span 2', gridRow: 1 },
  // The top margin leaves room for the tallest bar's count.
  yAxis: { gridColumn: 1, gridRow: 2, position: 'relative', minWidth: '2ch', marginTop: '18px' },
  yTick: {
    position: 'absolute',
    right: 0,
    transform: 'translateY(50%)',
    fontVariantNumeric: 'tabular-nums',
  },
  plot: {
    gridColumn: 2,
    gridRow: 2,
    marginTop: '18px',
    position: 'relative',
    display: 'grid',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralForeground2}`,
  },
  gridLine: {
    position: 'absolute',
    left: 0,
    right: 0,
    borderTop: `1px dashed ${tokens.colorNeutralStroke2}`,
  },
  column: { position: 'relative', minWidth: 0 },
  bar: {
    position: 'absolute',
    bottom: 0,
    left: '15%',
    right: '15%',
    maxWidth: '40px',
    marginLeft: 'auto',
    marginRight: 'auto',
    backgroundColor: tokens.colorBrandBackground,
    [FORCED]: { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' },
  },
  count: {
    position: 'absolute',
    left: 0,
    right: 0,
    textAlign: 'center',
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  xAxis: { gridColumn: 2, gridRow: 3, display: 'grid' },
  xLabel: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'clip', paddingTop: '2px' },
  xTitle: { gridColumn: 2, gridRow: 4 },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'start',
      padding: `2px ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    '& td:last-child, & th:last-child': { textAlign: 'end' },
  },
  details: {
    '& > summary': {
      cursor: 'pointer',
      color: tokens.colorBrandForegroundLink,
      // As a link in forced colours (reviewStyles.ts, FORCED_LINK): the theme's yellow on the
      // user's Canvas would be unreadable.
      '@media (forced-colors: active)': { color: 'LinkText' },
    },
  },
});

export function WeeklyChart({ perWeek }: { perWeek: Chronology['perWeek'] }) {
  const styles = useStyles();
  const model = weeklyChartModel(perWeek);
  if (!model) return null;
  const columns = { gridTemplateColumns: `repeat(${model.bars.length}, minmax(0, 1fr))` };
  return (
    <figure className={styles.figure} aria-labelledby="cg-weekly-chart-title">
      <Text
        as="h3"
        block
        size={300}
        weight="semibold"
        className={styles.title}
        id="cg-weekly-chart-title"
      >
        {REVIEW_TEXT.chartTitle}
      </Text>
      <div
        className={styles.chart}
        role="img"
        aria-label={model.summary}
        data-testid="weekly-chart"
      >
        <span className={styles.yTitle}>{REVIEW_TEXT.chartYAxis}</span>
        <div className={styles.yAxis}>
          {model.yTicks.map((t) => (
            <span
              key={t}
              className={styles.yTick}
              style={{ bottom: `${(t / model.top) * 100}%` }}
              data-tick={t}
            >
              {t}
            </span>
          ))}
        </div>
        <div className={styles.plot} style={columns}>
          {model.yTicks.slice(1).map((t) => (
            <span
              key={t}
              className={styles.gridLine}
              style={{ bottom: `${(t / model.top) * 100}%` }}
            />
          ))}
          {model.bars.map((b) => (
            <div
              key={b.weekStart}
              className={styles.column}
              title={weekBarText(b.weekStart, b.count)}
            >
              <span
                className={styles.bar}
                data-week={b.weekStart}
                data-count={b.count}
                style={{ height: `${b.heightPct}%` }}
              />
              {b.countShown && (
                <span
                  className={styles.count}
                  data-count-label={b.weekStart}
                  style={{ bottom: `calc(${b.heightPct}% + 1px)` }}
                >
                  {b.count}
                </span>
              )}
            </div>
          ))}
        </div>
        <div className={styles.xAxis} style={columns}>
          {model.bars.map(
            (b, i) =>
              b.label && (
                <span
                  key={b.weekStart}
                  className={styles.xLabel}
                  style={{ gridColumn: `${i + 1} / span ${b.labelSpan}` }}
                  data-week-label={b.weekStart}
                >
                  {b.label}
                </span>
              ),
          )}
        </div>
        <span className={styles.xTitle}>{REVIEW_TEXT.chartXAxis}</span>
      </div>
      <details className={styles.details} data-cg-no-print>
        <summary>{REVIEW_TEXT.chartAsTable}</summary>
        <table className={styles.table} data-testid="weekly-table">
          <caption className={styles.title}>{REVIEW_TEXT.chartTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{REVIEW_TEXT.chartXAxis}</th>
              <th scope="col">{REVIEW_TEXT.chartYAxis}</th>
            </tr>
          </thead>
          <tbody>
            {model.bars.map((b) => (
              <tr key={b.weekStart}>
                <td>{formatDay(b.weekStart)}</td>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
