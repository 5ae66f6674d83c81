package dev.billing.invoicing.client.webhook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most the first bytes of an answer and then lets the connection go: a receiver's answer
 * only goes into the delivery log, and a huge one must not fill the heap.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<String> {

  private final int maxBytes;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<String> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private LimitedBody(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  static HttpResponse.BodyHandler<String> handler(int maxBytes) {
    return info -> new LimitedBody(maxBytes);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      int n = Math.min(buffer.remaining(), maxBytes - bytes.size());
      byte[] chunk = new byte[n];
      buffer.get(chunk);
      bytes.write(chunk, 0, n);
    }
    if (bytes.size() >= maxBytes) {
      subscription.cancel();
      complete();
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    complete();
  }

  @Override
  public CompletionStage<String> getBody() {
    return result;
  }

  private void complete() {
    result.complete(bytes.toString(StandardCharsets.UTF_8));
  }
}
