package dev.billing.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code {"events":[...]}} body of realistic LLM-usage events whose transaction ids carry a
 * fixed-width counter, so each request gets unique ids by patching digits instead of re-encoding.
 */
final class BatchTemplate {

  private static final int DIGITS = 12;
  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-sonnet", "llama-3-70b"};

  private final byte[] template;
  private final int[] counterOffsets;
  private final int eventsPerBatch;

  BatchTemplate(String runId, int worker, int eventsPerBatch, int subscriptions) {
    this.eventsPerBatch = eventsPerBatch;
    StringBuilder body = new StringBuilder("{\"events\":[");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < eventsPerBatch; i++) {
      if (i > 0) {
        body.append(',');
      }
      String prefix = "{\"transaction_id\":\"" + runId + "-" + worker + "-";
      body.append(prefix);
      offsets.add(body.length());
      body.append("0".repeat(DIGITS))
          .append("\",\"external_subscription_id\":\"sub_")
          .append((worker * 7919 + i * 104729) % subscriptions)
          .append("\",\"code\":\"llm_tokens\",\"timestamp\":1764072000.123,")
          .append("\"properties\":{\"model\":\"")
          .append(MODELS[i % MODELS.length])
          .append("\",\"input_tokens\":")
          .append(1000 + i * 37)
          .append(",\"output_tokens\":")
          .append(200 + i * 11)
          .append(",\"region\":\"us-east-1\"}}");
    }
    body.append("]}");
    this.template = body.toString().getBytes(StandardCharsets.US_ASCII);
    this.counterOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The body for the {@code sequence}-th request of this worker: ids sequence*N .. +N-1. */
  byte[] body(long sequence) {
    byte[] out = template.clone();
    long first = sequence * eventsPerBatch;
    for (int i = 0; i < counterOffsets.length; i++) {
      long value = first + i;
      int at = counterOffsets[i] + DIGITS - 1;
      for (int d = 0; d < DIGITS; d++) {
        out[at - d] = (byte) ('0' + (value % 10));
        value /= 10;
      }
    }
    return out;
  }

  int eventsPerBatch() {
    return eventsPerBatch;
  }

  int size() {
    return template.length;
  }
}
