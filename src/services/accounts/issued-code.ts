import type { CodePurpose } from './one-time-codes.js';

/**
 * What a code request answers, the same whether or not an account has the contact, so the answer
 * tells nothing about who has an account.
 */
export interface CodeRequestAnswer {
  readonly channel: 'email' | 'sms';
  readonly contact_masked: string;
  readonly expires_in_seconds: number;
  readonly resend_after_seconds: number;
}

/**
 * A code that was really sent (never one of the stand-in codes for a contact that has no account,
 * or one that already has one). Outside production the server prints it; nothing else sees it.
 */
export interface IssuedCode {
  readonly purpose: CodePurpose;
  readonly channel: 'email' | 'sms';
  readonly contact_masked: string;
  readonly code: string;
}

export interface CodeRequestOutcome {
  readonly answer: CodeRequestAnswer;
  readonly issued: IssuedCode | undefined;
}
