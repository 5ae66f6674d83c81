package dev.billing.invoicing.domain.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * One key/value pair on a customer (Lago's {@code CustomerMetadata}).
 *
 * @param id its lago_id, kept while the key stays
 * @param key the key
 * @param value the value
 * @param displayInInvoice whether invoices show it
 * @param createdAt when the key was first set
 */
public record CustomerMetadata(
    UUID id, String key, String value, boolean displayInInvoice, Instant createdAt) {}
