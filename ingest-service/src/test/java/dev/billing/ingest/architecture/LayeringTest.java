package dev.billing.ingest.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LayeringTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.billing.ingest");

  @Test
  void shouldKeepTheDomainPureJava() {
    noClasses()
        .that()
        .resideInAPackage("..ingest.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "io.vertx..",
            "io.smallrye..",
            "jakarta..",
            "org.hibernate..",
            "org.apache.kafka..",
            "..ingest.api..",
            "..ingest.persistence..",
            "..ingest.messaging..")
        .check(CLASSES);
  }

  @Test
  void shouldKeepPersistenceAndMessagingOutOfTheApi() {
    noClasses()
        .that()
        .resideInAnyPackage("..ingest.persistence..", "..ingest.messaging..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..ingest.api..")
        .check(CLASSES);
  }
}
