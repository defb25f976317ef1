import { Body1, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import type { Strings } from './strings';
import type { RunState } from './useGenerate';

/** Progress while running; after it, "cancelled" in plain words or the error. */
export function RunStatus({ strings, state, className }: { strings: Strings; state: RunState; className: string }) {
  if (state.status === 'running') {
    // Reading and writing report their batches; computing is one step, and so is a step whose batches
    // are not counted yet, and the clean-up after a cancel: they spin.
    const value = !state.cancelling && state.step !== 'compute' && state.total > 0 ? state.done / state.total : undefined;
    return (
      <div className={className} role="status">
        <Field label={state.cancelling ? strings.cancelling : strings.steps[state.step]} hint={state.step === 'write' && !state.cancelling ? strings.cancelWriteHint : undefined}>
          <ProgressBar {...(value !== undefined ? { value } : {})} />
        </Field>
      </div>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <Body1 role="status" className={className}>
        {strings.cancelled}
      </Body1>
    );
  }
  if (state.status === 'failed') {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{strings.errorTitle}</MessageBarTitle> {state.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
