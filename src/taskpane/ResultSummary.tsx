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
  useId,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import { definitionOf } from '../app/generate';
import type { GenerateInExcelResult } from '../workbook/office/generateInExcel';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  figures: {
    margin: 0,
    display: 'grid',
    // The figures take at most half the width, so that the terms do not wrap word by word.
    gridTemplateColumns: 'minmax(0, 1fr) fit-content(50%)',
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

/** The headline figures of the report just written (its kind's highlights), the sheets it went to and what this Excel skipped. */
export function ResultSummary({ strings, result }: ResultSummaryProps) {
  const styles = useStyles();
  const headingId = useId('result-heading');
  const { report, sheets } = result;
  // The kind's own figures (src/reports/<kind>/summary.ts), in the pane's language.
  const highlights = definitionOf(report.kind).highlights(report, strings.locale);
  // One note per feature, not one per sheet written.
  const skipped = [...new Set(result.skipped.map((note) => note.replace(/[.;]\s*$/, '')))];

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.resultTitle}
      </Subtitle2>
      <Caption1 className={styles.muted}>{highlights.caption}</Caption1>
      <dl className={styles.figures}>
        {highlights.rows.map((row) => (
          <Fragment key={row.term}>
            <dt className={styles.term}>{row.term}</dt>
            <dd className={styles.value}>
              {row.badge ? (
                <Badge appearance="tint" color={row.badge.tone}>
                  {row.badge.text}
                </Badge>
              ) : (
                <Body1Strong>{row.value}</Body1Strong>
              )}
              {row.note !== undefined && (
                <Caption1 align="end" className={styles.muted}>
                  {row.note}
                </Caption1>
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
      {highlights.after && <Caption1 className={styles.muted}>{highlights.after}</Caption1>}
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
