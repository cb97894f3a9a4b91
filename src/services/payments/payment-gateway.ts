/**
 * The port through which money enters and leaves: collections from members (post-paid shares,
 * wallet top-ups) and payouts to them (wallet refunds, share refunds). A real provider plugs in
 * here; the default adapter is the simulated gateway. Results arrive later as signed webhooks.
 */
export interface GatewayCharge {
  /** Our unique reference for the payment; the provider echoes it in its webhooks. */
  readonly reference: string;
  readonly amount_minor: bigint;
  readonly currency: string;
  readonly description: string;
}

export interface GatewayAccepted {
  readonly gateway_payment_id: string;
}

export interface PaymentGateway {
  readonly name: string;
  /** Asks the provider to collect from the payer; the outcome comes as a webhook. */
  collect(charge: GatewayCharge): Promise<GatewayAccepted>;
  /** Asks the provider to pay money out to the member; the outcome comes as a webhook. */
  payout(charge: GatewayCharge): Promise<GatewayAccepted>;
  /** True when the raw webhook body carries a valid signature from this provider. */
  verifyWebhook(rawBody: string, signature: string | undefined): boolean;
}

/** A webhook body once its signature has been checked. */
export interface GatewayEvent {
  readonly event_id: string;
  readonly type: 'payment.succeeded' | 'payment.failed';
  readonly gateway_payment_id: string;
  readonly reference: string;
  readonly amount_minor: string;
  readonly currency: string;
  readonly failure_reason?: string;
  readonly occurred_at: string;
}
