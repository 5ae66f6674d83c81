package dev.billing.platform.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of {@link Topics#ALL} that do not exist yet. Services run it at start-up and
 * the local stack runs it through {@link #main}, so the list lives in one place.
 */
public final class TopicInitializer {

  private TopicInitializer() {}

  /** Creates missing topics; returns the names it created. */
  public static List<String> ensure(String bootstrapServers, List<TopicSpec> specs) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(config)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          specs.stream()
              .filter(spec -> !existing.contains(spec.name()))
              .map(
                  spec ->
                      new NewTopic(spec.name(), spec.partitions(), (short) 1)
                          .configs(spec.configs()))
              .toList();
      for (NewTopic topic : missing) {
        try {
          admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      return missing.stream().map(NewTopic::name).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics on " + bootstrapServers, e);
    }
  }

  /** {@code java -cp ... TopicInitializer <bootstrap>}: used by deploy/local/up.sh. */
  public static void main(String[] args) {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    List<String> created = ensure(bootstrap, Topics.ALL);
    for (TopicSpec spec : Topics.ALL) {
      System.out.printf(
          "%s %s (%d partitions)%n",
          created.contains(spec.name()) ? "created" : "exists ", spec.name(), spec.partitions());
    }
  }
}
