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
import type { MergerReport } from '../reports/merger/figures';
import type { PartyQuarterlyReport } from '../reports/partyQuarterly/figures';
import type { ReductionReport } from '../reports/reduction/figures';
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

type Styles = ReturnType<typeof useStyles>;

/** The headline figures of the report just written, the sheets it went to and what this Excel skipped. */
export function ResultSummary({ strings, result }: ResultSummaryProps) {
  const styles = useStyles();
  const { report, sheets } = result;
  // One note per feature, not one per sheet written.
  const skipped = [...new Set(result.skipped.map((note) => note.replace(/[.;]\s*$/, '')))];

  return (
    <section className={styles.root} aria-labelledby="result-heading">
      <Subtitle2 as="h2" id="result-heading" className={styles.heading}>
        {strings.resultTitle}
      </Subtitle2>
      <Caption1 className={styles.muted}>{report.kind === 'merger' ? strings.merger.structureLine(dayText(report.date)) : strings.periodLine(dayText(report.period.from), dayText(report.period.to))}</Caption1>
      {report.kind === 'reduction' ? (
        <ReductionFigures strings={strings} report={report} styles={styles} />
      ) : report.kind === 'partyQuarterly' ? (
        <PartyFigures strings={strings} report={report} styles={styles} />
      ) : (
        <MergerFigures strings={strings} report={report} styles={styles} />
      )}
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

/** Streamlined people, the quota from the baseline to the latest year, the target met or not. */
function ReductionFigures({ strings, report, styles }: { strings: Strings; report: ReductionReport; styles: Styles }) {
  const num = new Intl.NumberFormat(strings.intl);
  const signed = new Intl.NumberFormat(strings.intl, { signDisplay: 'exceptZero' });
  const pct = (signDisplay: 'auto' | 'exceptZero') => new Intl.NumberFormat(strings.intl, { style: 'percent', maximumFractionDigits: 1, signDisplay });
  const { quota } = report;
  const year = (y: number | null) => (y === null ? strings.unknownYear : String(y));
  return (
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
        <Caption1 align="end" className={styles.muted}>
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
  );
}

/**
 * Members at the start and the end, admissions in the period and since January against the plan,
 * the year's tasks done, overdue probations and badges due, and the seed of the spot check, so that
 * the draw can be redone. Rates with two decimals, as the report writes them.
 */
function PartyFigures({ strings, report, styles }: { strings: Strings; report: PartyQuarterlyReport; styles: Styles }) {
  const t = strings.party;
  const num = new Intl.NumberFormat(strings.intl);
  const signed = new Intl.NumberFormat(strings.intl, { signDisplay: 'exceptZero' });
  const pct = new Intl.NumberFormat(strings.intl, { style: 'percent', maximumFractionDigits: 2 });
  const { members, admission, tasks, probation, badges } = report;
  return (
    <>
      <dl className={styles.figures}>
        <dt className={styles.term}>{t.members}</dt>
        <dd className={styles.value}>
          <Body1Strong>
            {num.format(members.start)} → {num.format(members.end)}
          </Body1Strong>
          <Caption1 align="end" className={styles.muted}>{signed.format(members.end - members.start)}</Caption1>
        </dd>
        <dt className={styles.term}>{t.admitted}</dt>
        <dd className={styles.value}>
          <Body1Strong>{num.format(admission.period)}</Body1Strong>
        </dd>
        <dt className={styles.term}>{t.admittedYtd}</dt>
        <dd className={styles.value}>
          <Body1Strong>{num.format(admission.ytd)}</Body1Strong>
          <Caption1 align="end" className={styles.muted}>
            {admission.plan !== null && admission.planRate !== null ? t.planRate(pct.format(admission.planRate), num.format(admission.plan)) : t.noPlan}
          </Caption1>
        </dd>
        <dt className={styles.term}>{t.tasks(tasks.year)}</dt>
        <dd className={styles.value}>
          <Body1Strong>{tasks.rate === null ? t.noTasks : t.tasksValue(num.format(tasks.done), num.format(tasks.registered), pct.format(tasks.rate))}</Body1Strong>
        </dd>
        <dt className={styles.term}>{t.overdue}</dt>
        <dd className={styles.value}>
          <Badge appearance="tint" color={probation.overdue.length ? 'warning' : 'success'}>
            {t.memberCount(num.format(probation.overdue.length))}
          </Badge>
        </dd>
        <dt className={styles.term}>{t.badges(dayText(badges.nextDate))}</dt>
        <dd className={styles.value}>
          <Body1Strong>{t.memberCount(num.format(badges.due.length))}</Body1Strong>
        </dd>
        <dt className={styles.term}>{t.seed}</dt>
        <dd className={styles.value}>
          {/* Without grouping, so that it can be typed or pasted back into the seed field. */}
          <Body1Strong>{String(tasks.seed)}</Body1Strong>
        </dd>
      </dl>
      <Caption1 className={styles.muted}>{t.seedNote(num.format(tasks.sampleSize))}</Caption1>
    </>
  );
}

/** Units before and after (đầu mối), the units merged or absorbed, and the surplus leaders and posts to absorb. */
function MergerFigures({ strings, report, styles }: { strings: Strings; report: MergerReport; styles: Styles }) {
  const t = strings.merger;
  const num = new Intl.NumberFormat(strings.intl);
  const structural = report.groups.filter((g) => g.form !== 'transferFunction');
  return (
    <dl className={styles.figures}>
      <dt className={styles.term}>{t.units}</dt>
      <dd className={styles.value}>
        <Body1Strong>
          {num.format(report.unitsBefore)} → {num.format(report.unitsAfter)}
        </Body1Strong>
        <Caption1 align="end" className={styles.muted}>
          {t.reduced(num.format(report.unitsReduced))}
        </Caption1>
      </dd>
      <dt className={styles.term}>{t.groups}</dt>
      <dd className={styles.value}>
        <Body1Strong>{num.format(structural.length)}</Body1Strong>
      </dd>
      <dt className={styles.term}>{t.surplus}</dt>
      <dd className={styles.value}>
        <Body1Strong>
          {num.format(report.totals.after.surplusDeputies)} / {num.format(report.totals.after.surplusStaff)}
        </Body1Strong>
      </dd>
    </dl>
  );
}
