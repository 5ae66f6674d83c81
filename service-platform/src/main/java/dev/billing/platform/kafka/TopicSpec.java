package dev.billing.platform.kafka;

import java.util.Map;

/**
 * A topic's name, partition count and topic-level configs.
 *
 * @param name the topic name (part of the contract, see DESIGN.md)
 * @param partitions how many partitions it is created with
 * @param configs topic configs, e.g. retention
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {}
