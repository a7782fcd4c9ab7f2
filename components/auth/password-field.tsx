import type { InputHTMLAttributes } from 'react';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/limits';

type PasswordFieldProps = {
  label: string;
  name: string;
  /** a new password carries the minimum; a current one or its repetition is checked elsewhere */
  kind: 'current' | 'new' | 'repeat';
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'aria-describedby'>;

/** A labelled password input with the account limits, as every password form uses it. */
export function PasswordField({ label, name, kind, ...aria }: PasswordFieldProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        name={name}
        type="password"
        autoComplete={kind === 'current' ? 'current-password' : 'new-password'}
        required
        minLength={kind === 'new' ? PASSWORD_MIN : undefined}
        maxLength={PASSWORD_MAX}
        {...aria}
      />
    </label>
  );
}
