package dev.billing.platform.money;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class MoneyPurityTest {

  @Test
  void shouldKeepMoneyFreeOfFrameworks() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.billing.platform.money");

    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..", "io.vertx..", "jakarta..", "org.hibernate..", "io.smallrye..")
        .check(classes);
  }
}
