import { MessageBar, MessageBarBody, useId, type MessageBarProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * A message bar of one sentence, without a MessageBarTitle. Fluent's MessageBar names its group by
 * the id of its title (aria-labelledby), which points at nothing when there is none; the group is
 * named by its body instead.
 */
export function Notice({ intent, children }: { intent: MessageBarProps['intent']; children: ReactNode }) {
  const bodyId = useId('notice');
  return (
    <MessageBar intent={intent} layout="multiline" aria-labelledby={bodyId}>
      <MessageBarBody id={bodyId}>{children}</MessageBarBody>
    </MessageBar>
  );
}
