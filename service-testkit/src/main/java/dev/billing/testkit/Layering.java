package dev.billing.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.billing.platform.lifecycle.ApiOnlyReplica;
import io.quarkus.scheduler.Scheduled;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering every service keeps (STYLE.md): {@code domain} is pure Java, and neither {@code
 * persistence} nor {@code messaging} reaches back into {@code api}. And every scheduled job stays
 * out of an API-only replica.
 */
public final class Layering {

  private static final List<String> FRAMEWORKS =
      List.of(
          "io.quarkus..",
          "io.vertx..",
          "io.smallrye..",
          "jakarta..",
          "org.hibernate..",
          "org.apache.kafka..",
          "com.fasterxml.jackson..");

  private Layering() {}

  /**
   * Checks the service's production classes.
   *
   * @param servicePackage e.g. {@code dev.billing.rating}
   * @param otherLayers the service's layers besides api, persistence and messaging (e.g. a {@code
   *     metering} package) that the domain must not use either
   */
  public static void check(String servicePackage, String... otherLayers) {
    JavaClasses classes = classesOf(servicePackage);
    List<String> forbidden = new ArrayList<>(FRAMEWORKS);
    for (String layer : concat(List.of("api", "persistence", "messaging", "config"), otherLayers)) {
      forbidden.add(servicePackage + "." + layer + "..");
    }
    noClasses()
        .that()
        .resideInAPackage(servicePackage + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new))
        .because("the domain is pure Java: pricing, proration and invoices are functions")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(servicePackage + ".persistence..", servicePackage + ".messaging..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(servicePackage + ".api..")
        .because("the API is the outermost layer")
        .check(classes);
    scheduledJobsSkipInAnApiOnlyReplica(classes);
  }

  private static void scheduledJobsSkipInAnApiOnlyReplica(JavaClasses classes) {
    methods()
        .that()
        .areAnnotatedWith(Scheduled.class)
        .should(skipInAnApiOnlyReplica())
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * The application layer's rule (STYLE.md 2, issue 14), which a service moves to once its use
   * cases live in {@code app}: {@code domain} imports nothing of the service's other layers nor any
   * framework; {@code app} (the use cases) imports no inbound adapter ({@code api}, {@code
   * messaging}, {@code scheduling}); {@code persistence} is SQL only (no {@code app}, {@code
   * messaging}, {@code api}, {@code client}); only {@code app} opens a transaction; no two of the
   * service's packages depend on each other (no cycles); only {@code api} uses {@code api}. And
   * every scheduled job stays out of an API-only replica.
   *
   * @param allowedInDomain libraries the domain may use after all (e.g. ingest's event rules read
   *     JSON as a stream with jackson-core, to validate without binding)
   */
  public static void checkApplicationLayer(String servicePackage, String... allowedInDomain) {
    JavaClasses classes = classesOf(servicePackage);
    String p = servicePackage + ".";
    List<String> forbidden = new ArrayList<>(FRAMEWORKS);
    for (String layer : ALL_LAYERS) {
      forbidden.add(p + layer + "..");
    }
    noClasses()
        .that()
        .resideInAPackage(p + "domain..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(forbidden.toArray(String[]::new))
                .and(not(resideInAnyPackage(allowedInDomain))))
        .because("the domain is pure Java: pricing, proration and invoices are functions")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(p + "app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(p + "api..", p + "messaging..", p + "scheduling..")
        .because("use cases take and return domain types; adapters call them, not the reverse")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(p + "persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(p + "app..", p + "messaging..", p + "api..", p + "client..")
        .because("persistence is SQL only")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage(p + "api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(p + "api..")
        .because("the API is the outermost layer")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage(p + "app..")
        .should()
        .callMethodWhere(opensATransaction())
        .because("a write's transaction opens in its use case, nowhere else")
        .check(classes);
    slices()
        .matching(servicePackage + ".(*)..")
        .should()
        .beFreeOfCycles()
        .because("a package that needs another which needs it back does two jobs")
        .check(classes);
    scheduledJobsSkipInAnApiOnlyReplica(classes);
  }

  /** The layers of a service besides {@code domain}. */
  private static final List<String> ALL_LAYERS =
      List.of("api", "app", "persistence", "messaging", "scheduling", "client", "config");

  private static DescribedPredicate<JavaMethodCall> opensATransaction() {
    return new DescribedPredicate<>("opens a transaction (Pool.withTransaction)") {
      @Override
      public boolean test(JavaMethodCall call) {
        return call.getName().equals("withTransaction")
            && call.getTargetOwner().isAssignableTo("io.vertx.mutiny.sqlclient.Pool");
      }
    };
  }

  private static JavaClasses classesOf(String servicePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(servicePackage);
  }

  /** A scheduled job names {@link ApiOnlyReplica} so that an API-only replica never runs it. */
  private static ArchCondition<JavaMethod> skipInAnApiOnlyReplica() {
    return new ArchCondition<>("be skipped in an API-only replica") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Object skip =
            method
                .getAnnotationOfType(Scheduled.class.getName())
                .get("skipExecutionIf")
                .orElse(null);
        if (!(skip instanceof JavaClass predicate)
            || !predicate.isEquivalentTo(ApiOnlyReplica.class)) {
          events.add(
              SimpleConditionEvent.violated(
                  method, method.getFullName() + " needs skipExecutionIf = ApiOnlyReplica.class"));
        }
      }
    };
  }

  private static List<String> concat(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }
}
