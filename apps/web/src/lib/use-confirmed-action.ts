/**
 * An action the user confirms first (archive, restore, disable an account…): a confirmation
 * dialog whose OK runs it, then a success message or the server's reason in an error message.
 * One place for this so that every such action asks, reports and fails the same way.
 */
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problem.ts';

export interface ConfirmedAction {
  title: string;
  content?: string;
  okText: string;
  /** A red OK button, for an action that takes something away. */
  danger?: boolean;
  /** Runs on OK; the dialog's button spins until it settles. */
  run: () => Promise<unknown>;
  /** Shown once `run` has succeeded. */
  doneMessage: string;
}

export function useConfirmedAction(): (action: ConfirmedAction) => void {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  return ({ title, content, okText, danger, run, doneMessage }) => {
    modal.confirm({
      title,
      content,
      okText,
      cancelText: t('actions.cancel'),
      okButtonProps: { danger },
      onOk: async () => {
        try {
          await run();
          void message.success(doneMessage);
        } catch (err) {
          void message.error(problemMessage(err));
        }
      },
    });
  };
}
