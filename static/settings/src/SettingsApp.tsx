/** The project settings page: load, edit, save, reset. Read-only for people who cannot administer the project. */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Form, { FormFooter } from '@atlaskit/form';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '../../../src/contract';
import { getSettings, resetSettings, saveSettings, type Envelope, type SettingsView } from '../../shared/invokes';
import { ErrorState, Loading } from '../../shared/states';
import { fieldId, fieldOf, toForm, toSettings, type FormState } from './form';
import { SettingsForm } from './SettingsForm';

type Load = { status: 'loading' } | { status: 'failed'; error: ResolverError } | { status: 'ready'; view: SettingsView };

export function SettingsApp({ projectKey }: { projectKey: string | undefined }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [form, setForm] = useState<FormState | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<ResolverError | null>(null);
  const [notice, setNotice] = useState('');

  const fetchSettings = useCallback(async () => {
    if (!projectKey) return;
    setLoad({ status: 'loading' });
    const result = await getSettings(projectKey);
    if (result.ok) {
      setLoad({ status: 'ready', view: result.data });
      setForm(toForm(result.data.settings));
    } else {
      setLoad({ status: 'failed', error: result.error });
    }
  }, [projectKey]);

  useEffect(() => {
    void fetchSettings();
  }, [fetchSettings]);

  const settle = (result: Envelope<SettingsView>, done: string) => {
    setBusy(false);
    if (result.ok) {
      setLoad({ status: 'ready', view: result.data });
      setForm(toForm(result.data.settings));
      setSaveError(null);
      setNotice(done);
      return;
    }
    setSaveError(result.error);
    setNotice('');
    const field = fieldOf(result.error.field);
    if (field) {
      // Let React render the inline error first, then move focus to the field at fault.
      setTimeout(() => document.getElementById(fieldId(field))?.focus(), 0);
    }
  };

  if (!projectKey) {
    return (
      <main aria-labelledby="sh-title">
        <h1 id="sh-title">Story Health settings</h1>
        <ErrorState title="No project" error={{ code: 'invalid-payload', message: 'This page belongs to a project; Jira did not say which one.' }} />
      </main>
    );
  }

  const errorField = saveError ? fieldOf(saveError.field) : undefined;
  return (
    <main aria-labelledby="sh-title">
      <h1 id="sh-title">Story Health settings</h1>
      <p className="sh-subtle">Project {projectKey}: which rules run on its stories, and how strictly.</p>
      {load.status === 'loading' ? (
        <Loading label="Loading settings…" />
      ) : load.status === 'failed' ? (
        <ErrorState title="Could not load the settings" error={load.error} onRetry={() => void fetchSettings()} />
      ) : form ? (
        <>
          {load.view.canEdit ? null : (
            <SectionMessage appearance="information" title="Read only">
              <p>Only administrators of {projectKey} can change these settings. You can see what they are.</p>
            </SectionMessage>
          )}
          <div aria-live="polite" className="sh-live">
            {saveError ? (
              <div role="alert">
                <SectionMessage appearance="error" title="Settings not saved">
                  <p>{saveError.message}</p>
                </SectionMessage>
              </div>
            ) : notice ? (
              <p role="status" className="sh-saved">
                {notice}
              </p>
            ) : null}
          </div>
          {/* The form's state is ours (FormState), checked by the server's settings schema on save. */}
          <Form
            noValidate
            label={`Story Health settings for ${projectKey}`}
            isDisabled={!load.view.canEdit || busy}
            onSubmit={() => {
              if (!load.view.canEdit || busy) return;
              setBusy(true);
              void saveSettings(projectKey, toSettings(form)).then((r) => settle(r, 'Settings saved.'));
            }}
          >
            <SettingsForm
              form={form}
              rules={load.view.rules}
              readOnly={!load.view.canEdit}
              busy={busy}
              errorField={errorField}
              errorMessage={saveError?.message}
              onChange={(next) => {
                setForm(next);
                setNotice('');
              }}
            />
            {load.view.canEdit ? (
              <FormFooter align="start">
                <div className="sh-actions">
                  <Button type="submit" appearance="primary" isLoading={busy}>
                    Save
                  </Button>
                  <Button
                    isDisabled={busy}
                    onClick={() => {
                      setBusy(true);
                      void resetSettings(projectKey, form.preset).then((r) => settle(r, `Settings reset to the ${form.preset} preset.`));
                    }}
                  >
                    Reset to preset
                  </Button>
                </div>
              </FormFooter>
            ) : null}
          </Form>
        </>
      ) : null}
    </main>
  );
}
