import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../../shared/api/client';
import { useResetSession } from '../../../shared/auth/session';

/** Log in by username, e-mail or mobile number; afterwards every cached answer is someone else's. */
export function useLogin() {
  const resetSession = useResetSession();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: resetSession,
  });
}

/** Log out; the page leaves first and then drops the cached answers (so no member page asks to log in again). */
export function useLogout() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/auth/logout')) });
}

export function useSignUp() {
  return useMutation({
    mutationFn: (body: { contact: string; display_name: string; password: string }) => unwrap(api.POST('/api/auth/signup', { body })),
  });
}

export function useResendSignUpCode() {
  return useMutation({ mutationFn: (body: { contact: string }) => unwrap(api.POST('/api/auth/signup/resend', { body })) });
}

/** Confirming logs the newcomer in, as a login does. */
export function useConfirmSignUp() {
  const resetSession = useResetSession();
  return useMutation({
    mutationFn: (body: { contact: string; code: string }) => unwrap(api.POST('/api/auth/signup/confirm', { body })),
    onSuccess: resetSession,
  });
}

export function useAskPasswordReset() {
  return useMutation({ mutationFn: (body: { contact: string }) => unwrap(api.POST('/api/auth/password-reset', { body })) });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { contact: string; code: string; new_password: string }) => unwrap(api.POST('/api/auth/password-reset/confirm', { body })),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { current_password: string; new_password: string }) => unwrap(api.POST('/api/auth/password', { body })),
  });
}

export function useMyContacts() {
  return useQuery({ queryKey: ['account', 'contacts'], queryFn: () => unwrap(api.GET('/api/auth/contacts')) });
}

export const devMailboxQueryKey = ['account', 'dev-mailbox'] as const;

export function useDevMailbox() {
  return useQuery({ queryKey: devMailboxQueryKey, queryFn: () => unwrap(api.GET('/api/dev/mailbox', { params: { query: { limit: 20 } } })) });
}

/**
 * Whether this server has a dev mailbox (it has none in production: 404). Asks for one message
 * only; false, never an error, when the route is missing.
 */
export function useDevMailboxAvailable() {
  return useQuery({
    queryKey: ['account', 'dev-mailbox-available'],
    staleTime: Infinity,
    queryFn: async () => {
      try {
        await unwrap(api.GET('/api/dev/mailbox', { params: { query: { limit: 1 } } }));
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return false;
        throw error;
      }
    },
  });
}
