import { Badge, Body1, Button, Caption1, Caption1Strong, Subtitle2, makeStyles, mergeClasses, tokens, useId, type BadgeProps } from '@fluentui/react-components';
import type { Issue, Severity } from '../domain/issues';
import { countBySeverity } from '../domain/issues';
import type { Strings } from './strings';

/** Only this many rows are drawn; the rest are on the report's issues sheet. */
export const ISSUE_LIMIT = 200;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const COLOR: Record<Severity, BadgeProps['color']> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    width: '100%',
    maxWidth: 'none',
    minWidth: 0,
    height: 'auto',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    justifyContent: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderRadius: 0,
  },
  /** An issue as text, where there is no cell to select (the box-sizing a button has). */
  plain: { boxSizing: 'border-box' },
  where: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  address: { overflowWrap: 'anywhere' },
  text: { overflowWrap: 'anywhere' },
  hint: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  problem: { display: 'block', padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`, color: tokens.colorStatusDangerForeground1 },
});

export interface IssueListProps {
  strings: Strings;
  issues: readonly Issue[];
  /** Go to the issue's cell; `index` is its row in the list as shown. None outside Excel (the standalone page): the issues are text. */
  onSelect?: (issue: Issue, index: number) => void;
  /** Why going to the cell of the issue shown at `index` failed, shown under it. */
  problem?: { index: number; message: string };
}

/** Counts by severity, then each issue (errors first), as a button that selects its cell where there is a workbook to select in. */
export function IssueList({ strings, issues, onSelect, problem }: IssueListProps) {
  const styles = useStyles();
  const counts = countBySeverity(issues);
  // Errors first: they block the report (a stable sort keeps each severity in sheet order).
  const shown = [...issues].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, ISSUE_LIMIT);
  const num = new Intl.NumberFormat(strings.intl);
  // The data tab shows one list per sheet: each heading needs an id of its own.
  const headingId = useId('issues-heading');

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.issues}
      </Subtitle2>
      {issues.length === 0 ? (
        <Body1>{strings.noIssues}</Body1>
      ) : (
        <>
          <div className={styles.counts}>
            {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
              <Badge key={s} appearance="filled" color={COLOR[s]}>
                {strings.severityCount(counts[s], s)}
              </Badge>
            ))}
          </div>
          {onSelect && <Caption1 className={styles.muted}>{strings.issuesHelp}</Caption1>}
          <ul className={styles.list}>
            {shown.map((issue, i) => {
              const content = (
                <>
                  <span className={styles.where}>
                    <Badge size="small" appearance="tint" color={COLOR[issue.severity]}>
                      {strings.severity[issue.severity]}
                    </Badge>
                    <Caption1Strong className={styles.address}>
                      {issue.sheet}!{issue.cell}
                    </Caption1Strong>
                  </span>
                  <Body1 className={styles.text}>{issue.message}</Body1>
                  {issue.hint && <Caption1 className={styles.hint}>{issue.hint}</Caption1>}
                </>
              );
              return (
                <li key={i}>
                  {onSelect ? (
                    <Button appearance="subtle" className={styles.item} onClick={() => onSelect(issue, i)}>
                      {content}
                    </Button>
                  ) : (
                    <div className={mergeClasses(styles.item, styles.plain)}>{content}</div>
                  )}
                  {problem?.index === i && (
                    <Caption1 role="alert" className={styles.problem}>
                      {problem.message}
                    </Caption1>
                  )}
                </li>
              );
            })}
          </ul>
          {issues.length > shown.length && <Caption1 className={styles.muted}>{strings.moreIssues(num.format(issues.length - shown.length))}</Caption1>}
        </>
      )}
    </section>
  );
}
