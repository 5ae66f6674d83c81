package dev.billing.platform.consumer;

/**
 * A consumed message and its decoded payload.
 *
 * @param message the raw message
 * @param value its payload as the handler's contract type
 */
public record Decoded<T>(InboundMessage message, T value) {}
