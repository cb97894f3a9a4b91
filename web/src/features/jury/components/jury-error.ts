import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/i18n/error-message';

/**
 * The shared error messages first; for a jury code they do not translate yet, this feature's own
 * wording in both languages, so a juror never reads the API's English in the Chinese page.
 */
export function juryErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && !t(`errors.${error.code}`, { defaultValue: '' }) && t(`jury.errors.${error.code}`, { defaultValue: '' })) {
    return t(`jury.errors.${error.code}`);
  }
  return errorMessage(t, error);
}
