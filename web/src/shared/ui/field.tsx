import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * A labelled input with its hint and its error, tied together for screen readers
 * (aria-describedby, aria-invalid). The error comes from the form's own check or from the API.
 */
export function TextField({
  label,
  hint,
  error,
  ...input
}: { label: string; hint?: ReactNode; error?: string | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const describedBy = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter((part) => part !== null).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <input id={id} aria-invalid={error === undefined ? undefined : true} aria-describedby={describedBy || undefined} {...input} />
      {error === undefined ? null : (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
