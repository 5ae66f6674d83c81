package dev.billing.invoicing.domain.webhook;

import java.util.Set;

/**
 * The webhook types Lago documents (its {@code config/webhook_event_types.yml}): the values an
 * endpoint may subscribe to in {@code event_types}, and the only ones that may be emitted.
 */
public final class WebhookTypes {

  public static final String CUSTOMER_CREATED = "customer.created";
  public static final String CUSTOMER_UPDATED = "customer.updated";
  public static final String SUBSCRIPTION_STARTED = "subscription.started";
  public static final String SUBSCRIPTION_TERMINATED = "subscription.terminated";
  public static final String SUBSCRIPTION_UPDATED = "subscription.updated";
  public static final String INVOICE_CREATED = "invoice.created";
  public static final String INVOICE_DRAFTED = "invoice.drafted";
  public static final String INVOICE_ONE_OFF_CREATED = "invoice.one_off_created";
  public static final String INVOICE_VOIDED = "invoice.voided";
  public static final String INVOICE_PAYMENT_STATUS_UPDATED = "invoice.payment_status_updated";
  public static final String FEE_CREATED = "fee.created";
  public static final String CREDIT_NOTE_CREATED = "credit_note.created";

  private static final Set<String> ALL =
      Set.of(
          "alert.triggered",
          "billable_metric.created",
          "billable_metric.updated",
          "billable_metric.deleted",
          "credit_note.created",
          "credit_note.generated",
          "credit_note.provider_refund_failure",
          "customer.created",
          "customer.updated",
          "customer.accounting_provider_created",
          "customer.accounting_provider_error",
          "customer.crm_provider_created",
          "customer.crm_provider_error",
          "customer.payment_provider_created",
          "customer.payment_provider_error",
          "customer.checkout_url_generated",
          "customer.tax_provider_error",
          "customer.vies_check",
          "dunning_campaign.finished",
          "event.error",
          "events.errors",
          "feature.created",
          "feature.updated",
          "feature.deleted",
          "fee.created",
          "fee.tax_provider_error",
          "integration.provider_error",
          "invoice.created",
          "invoice.one_off_created",
          "invoice.paid_credit_added",
          "invoice.generated",
          "invoice.drafted",
          "invoice.ready_to_finalize",
          "invoice.voided",
          "invoice.deleted",
          "invoice.payment_dispute_lost",
          "invoice.payment_status_updated",
          "invoice.payment_overdue",
          "invoice.payment_failure",
          "invoice.resynced",
          "payment.succeeded",
          "payment.requires_action",
          "payment_provider.error",
          "payment_receipt.created",
          "payment_receipt.generated",
          "payment_request.created",
          "payment_request.payment_failure",
          "payment_request.payment_status_updated",
          "plan.created",
          "plan.updated",
          "plan.deleted",
          "subscription.started",
          "subscription.updated",
          "subscription.terminated",
          "subscription.canceled",
          "subscription.incomplete",
          "subscription.termination_alert",
          "subscription.trial_ended",
          "subscription.usage_threshold_reached",
          "wallet.created",
          "wallet.updated",
          "wallet.terminated",
          "wallet.depleted_ongoing_balance",
          "wallet_transaction.created",
          "wallet_transaction.updated",
          "wallet_transaction.payment_failure");

  private WebhookTypes() {}

  public static boolean isKnown(String webhookType) {
    return ALL.contains(webhookType);
  }
}
