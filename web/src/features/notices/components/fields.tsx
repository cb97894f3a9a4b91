import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter((part) => part !== null).join(' ') || undefined;
}

/** A labelled textarea with its hint and error, tied together as shared/ui/field.tsx ties an input's. */
export function TextAreaField({ label, hint, error, ...textarea }: { label: string; hint?: ReactNode; error?: string | undefined } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <textarea id={id} aria-invalid={error === undefined ? undefined : true} aria-describedby={describedBy(id, hint, error)} rows={4} {...textarea} />
      {error === undefined ? null : (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function SelectField({ label, error, children, ...select }: { label: string; error?: string | undefined; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error === undefined ? undefined : true} aria-describedby={describedBy(id, undefined, error)} {...select}>
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
