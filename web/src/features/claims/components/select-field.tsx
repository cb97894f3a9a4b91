import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

/** A labelled select with its hint and error, tied together like the shared TextField. */
export function SelectField({
  label,
  hint,
  error,
  children,
  ...select
}: { label: string; hint?: ReactNode; error?: string | undefined; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
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
      <select id={id} aria-invalid={error === undefined ? undefined : true} aria-describedby={describedBy || undefined} {...select}>
        {children}
      </select>
      {error === undefined ? null : (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
