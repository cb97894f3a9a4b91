import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Seconds left until `until` (a time in ms), ticking each second; 0 once it has passed. */
export function useSecondsUntil(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const tick = () => setNow(Date.now());
    // The clock may have stood still since the last countdown: read it at once, then every second.
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** "Send a new code", disabled with the seconds shown while the server's cooldown runs. */
export function ResendButton({ availableAt, pending, onResend }: { availableAt: number; pending: boolean; onResend: () => void }) {
  const { t } = useTranslation();
  const seconds = useSecondsUntil(availableAt);
  return (
    <button type="button" className="button secondary" disabled={pending || seconds > 0} onClick={onResend} aria-live="polite">
      {seconds > 0 ? t('account.resendIn', { seconds }) : t('account.resend')}
    </button>
  );
}

/** The time a new code may be asked for, from an answer's resend_after_seconds or a refusal's retry_after_seconds. */
export function resendTime(seconds: number): number {
  return Date.now() + seconds * 1000;
}

/** The wait an AUTH_RESEND_TOO_SOON or RATE_LIMITED refusal names, if any. */
export function retryAfterSeconds(details: unknown): number | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const seconds = (details as { retry_after_seconds?: unknown }).retry_after_seconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}
