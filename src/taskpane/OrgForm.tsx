import { Button, Caption1, Field, Input, Radio, RadioGroup, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import type { OrgDetails } from '../templates/layout';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const EMPTY: OrgDetails = { variant: 'state', superiorBody: '', issuingBody: '', place: '', documentNumber: '', signerCapacity: '', signerTitle: '', signerName: '', recipients: [] };
const TEXT_FIELDS = ['superiorBody', 'issuingBody', 'name', 'place', 'documentNumber', 'signerCapacity', 'signerTitle', 'signerName'] as const;

export interface OrgFormProps {
  strings: Strings;
  org?: OrgDetails;
  disabled?: boolean;
  saved?: boolean;
  onSave: (org: OrgDetails) => void;
}

/** The issuing body, number and signer of the reports, kept in the workbook's settings. */
export function OrgForm({ strings, org, disabled, saved, onSave }: OrgFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<OrgDetails>(org ?? EMPTY);
  // A co-author's change (a new scan) replaces the form's content.
  useEffect(() => setDraft(org ?? EMPTY), [org]);
  const t = strings.org;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = draft.name?.trim();
    onSave({ ...draft, ...(name ? { name } : { name: undefined }), recipients: draft.recipients.map((r) => r.trim()).filter(Boolean) });
  };
  return (
    <form className={styles.root} onSubmit={submit} aria-label={t.title}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t.title}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t.hint}</Caption1>
      <Field label={t.variant}>
        <RadioGroup value={draft.variant} onChange={(_, data) => setDraft({ ...draft, variant: data.value === 'party' ? 'party' : 'state' })}>
          <Radio value="party" label={t.party} />
          <Radio value="state" label={t.state} />
        </RadioGroup>
      </Field>
      {TEXT_FIELDS.map((key) => (
        <Field key={key} label={t[key]}>
          <Input value={draft[key] ?? ''} disabled={disabled} onChange={(_, data) => setDraft({ ...draft, [key]: data.value })} />
        </Field>
      ))}
      <Field label={t.recipients}>
        <Textarea value={draft.recipients.join('\n')} disabled={disabled} resize="vertical" onChange={(_, data) => setDraft({ ...draft, recipients: data.value.split('\n') })} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={disabled}>
          {t.save}
        </Button>
        {saved && <Caption1 role="status">{t.saved}</Caption1>}
      </div>
    </form>
  );
}
