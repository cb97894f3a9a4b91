import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client';

/**
 * The message a person reads for a failed request: every stable code of the API has one in both
 * languages (test/web/error-messages.test.ts fails on a code without one); details fill its blanks.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t('errors.NETWORK');
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    const details = typeof error.details === 'object' && error.details !== null && !Array.isArray(error.details) ? error.details : {};
    const translated = t(key, { ...details, defaultValue: '' });
    if (translated !== '') return translated;
    return error.status >= 500 ? t('errors.INTERNAL') : error.message;
  }
  return t('errors.UNKNOWN');
}
