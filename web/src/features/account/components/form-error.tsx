import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/i18n/error-message';
import { fieldOfCode } from './validate';

/**
 * Where a failed request's message goes: next to the field it concerns when the form has that
 * field (by its code, or by the path of a validation failure), else above the button ('form').
 */
export function useFieldErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  byCode: Readonly<Record<string, Field>> = {},
): (field: Field | 'form') => string | undefined {
  const { t } = useTranslation();
  let target: Field | 'form' | undefined;
  if (error !== null && error !== undefined) {
    target = 'form';
    if (error instanceof ApiError) {
      const named =
        byCode[error.code] ?? (error.code === 'VALIDATION_FAILED' ? error.fieldPaths.find((path) => (fields as readonly string[]).includes(path)) : fieldOfCode(error.code));
      if (named !== undefined && (fields as readonly string[]).includes(named)) target = named as Field;
    }
  }
  const message = target === undefined ? undefined : errorMessage(t, error);
  return (field) => (field === target ? message : undefined);
}

export function FormError({ message }: { message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <div className="alert error" role="alert">
      {message}
    </div>
  );
}
