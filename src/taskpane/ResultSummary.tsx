import {
  Badge,
  Body1Strong,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { GenerateInExcelResult } from '../workbook/office/generateInExcel';
import { dayText } from './formValues';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  figures: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'baseline',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, textAlign: 'end', display: 'flex', flexDirection: 'column', alignItems: 'flex-end' },
  sheets: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  notes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface ResultSummaryProps {
  strings: Strings;
  result: GenerateInExcelResult;
}

/** The headline figures of the report just written, the sheets it went to and what this Excel skipped. */
export function ResultSummary({ strings, result }: ResultSummaryProps) {
  const styles = useStyles();
  const { report, sheets } = result;
  // One note per feature, not one per sheet written.
  const skipped = [...new Set(result.skipped.map((note) => note.replace(/[.;]\s*$/, '')))];
  const num = new Intl.NumberFormat(strings.intl);
  const signed = new Intl.NumberFormat(strings.intl, { signDisplay: 'exceptZero' });
  const pct = (signDisplay: 'auto' | 'exceptZero') => new Intl.NumberFormat(strings.intl, { style: 'percent', maximumFractionDigits: 1, signDisplay });
  const { quota } = report;
  const year = (y: number | null) => (y === null ? strings.unknownYear : String(y));

  return (
    <section className={styles.root} aria-labelledby="result-heading">
      <Subtitle2 as="h2" id="result-heading" className={styles.heading}>
        {strings.resultTitle}
      </Subtitle2>
      <Caption1 className={styles.muted}>{strings.periodLine(dayText(report.period.from), dayText(report.period.to))}</Caption1>
      <dl className={styles.figures}>
        <dt className={styles.term}>{strings.reduced}</dt>
        <dd className={styles.value}>
          <Body1Strong>{strings.people(num.format(report.reduced.total))}</Body1Strong>
        </dd>
        <dt className={styles.term}>{strings.quota(year(quota.baselineYear), year(quota.currentYear))}</dt>
        <dd className={styles.value}>
          <Body1Strong>
            {num.format(quota.baseline)} → {num.format(quota.current)}
          </Body1Strong>
          <Caption1 className={styles.muted}>
            {signed.format(quota.change)}
            {quota.changeRate !== null && ` (${pct('exceptZero').format(quota.changeRate)})`}
          </Caption1>
        </dd>
        {report.target && (
          <>
            <dt className={styles.term}>{strings.targetLine(pct('auto').format(report.target.rate))}</dt>
            <dd className={styles.value}>
              <Badge appearance="tint" color={report.target.met ? 'success' : 'danger'}>
                {report.target.met ? strings.targetMet : strings.targetNotMet}
              </Badge>
            </dd>
          </>
        )}
      </dl>
      {sheets.length > 0 && (
        <div>
          <Caption1 className={styles.muted}>{strings.sheets}</Caption1>
          <ul className={styles.sheets}>
            {sheets.map((sheet) => (
              <li key={sheet}>
                <Caption1>{sheet}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {skipped.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.skipped}</MessageBarTitle>
            <ul className={styles.notes}>
              {skipped.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
