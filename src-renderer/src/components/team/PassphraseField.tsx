// The passphrase of a work or return package: when making one, optional but
// recommended (the package is then encrypted); when opening or merging one,
// needed only if it is encrypted. A password field: never echoed, never kept
// beyond the form, never sent anywhere but the one call that uses it.
import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Passphrases shorter than this are refused when a package is made (as the contract does). */
export const MIN_PASSPHRASE = 8;

interface Props {
  mode: 'make' | 'use';
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  testId: string;
}

/** The message for a passphrase too short to make a package with, or null. */
export function passphraseProblem(value: string): 'tooShort' | null {
  return value !== '' && value.length < MIN_PASSPHRASE ? 'tooShort' : null;
}

export function PassphraseField({ mode, value, onChange, disabled, testId }: Props) {
  const { t } = useTranslation();
  const problem = mode === 'make' ? passphraseProblem(value) : null;
  return (
    <Textfield
      data-size="sm"
      type="password"
      label={t(`team.passphrase.${mode}Label`)}
      description={t(`team.passphrase.${mode}Description`, { min: MIN_PASSPHRASE })}
      error={problem ? t('team.passphrase.tooShort', { min: MIN_PASSPHRASE }) : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete={mode === 'make' ? 'new-password' : 'off'}
      spellCheck={false}
      disabled={disabled}
      data-testid={testId}
    />
  );
}
