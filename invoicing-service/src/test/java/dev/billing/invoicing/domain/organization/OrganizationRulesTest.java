package dev.billing.invoicing.domain.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationRulesTest {

  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2026-02-01T00:00:00Z");
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000abcd");

  @Test
  void shouldGiveANewOrganizationLagosDefaults() {
    Organization org = Organization.create(ID, "Acme Corp", CREATED);

    assertThat(org.revision()).isEqualTo(1);
    assertThat(org.timezone()).isEqualTo("UTC");
    assertThat(org.defaultCurrency()).isEqualTo("USD");
    assertThat(org.documentNumberPrefix()).isEqualTo("ACM-ABCD");
    assertThat(org.documentNumbering()).isEqualTo("per_customer");
  }

  @Test
  void shouldPadThePrefixOfANameWithFewLetters() {
    assertThat(DocumentNumberPrefix.defaultFor("42", ID)).isEqualTo("ORG-ABCD");
  }

  @Test
  void shouldApplyOnlyTheGivenChangesAndMoveTheRevision() {
    Organization org = Organization.create(ID, "Acme", CREATED);
    OrganizationChanges changes =
        new OrganizationChanges(
            "Asia/Tokyo",
            "JPY",
            " inv ",
            null,
            30,
            3,
            Optional.of("https://h.example/x"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Optional.of("JP"),
            null,
            null,
            null,
            null);

    Organization updated = OrganizationRules.apply(org, changes, LATER);

    assertThat(OrganizationRules.validate(changes).isEmpty()).isTrue();
    assertThat(updated.revision()).isEqualTo(2);
    assertThat(updated.timezone()).isEqualTo("Asia/Tokyo");
    assertThat(updated.defaultCurrency()).isEqualTo("JPY");
    assertThat(updated.documentNumberPrefix()).isEqualTo("INV");
    assertThat(updated.netPaymentTerm()).isEqualTo(30);
    assertThat(updated.invoiceGracePeriod()).isEqualTo(3);
    assertThat(updated.webhookUrl()).isEqualTo("https://h.example/x");
    assertThat(updated.address().country()).isEqualTo("JP");
    assertThat(updated.name()).isEqualTo("Acme");
    assertThat(updated.createdAt()).isEqualTo(CREATED);
    assertThat(updated.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void shouldClearAFieldGivenAsExplicitNull() {
    Organization org =
        OrganizationRules.apply(
            Organization.create(ID, "Acme", CREATED),
            new OrganizationChanges(
                null,
                null,
                null,
                null,
                null,
                null,
                Optional.of("https://h.example/x"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            LATER);
    OrganizationChanges clear =
        new OrganizationChanges(
            null,
            null,
            null,
            null,
            null,
            null,
            Optional.empty(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(OrganizationRules.apply(org, clear, LATER).webhookUrl()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Asia/Tokyo", "America/Argentina/Buenos_Aires", "GMT+12"})
  void shouldAcceptLagosTimezones(String zone) {
    assertThat(OrganizationRules.isTimezone(zone)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Mars/Base", "+02:00", "tokyo"})
  void shouldRejectWhatIsNotATimezone(String zone) {
    assertThat(OrganizationRules.isTimezone(zone)).isFalse();
  }

  @Test
  void shouldReportEveryBadFieldWithLagosCodes() {
    OrganizationChanges bad =
        new OrganizationChanges(
            "Nowhere/City",
            "usd",
            "",
            "per_galaxy",
            -1,
            400,
            Optional.of("not a url"),
            Optional.of("nobody"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Optional.of("XX"),
            null,
            "english",
            null,
            List.of("invoice.exploded"));

    assertThat(OrganizationRules.validate(bad).details())
        .containsEntry("timezone", List.of("invalid_timezone"))
        .containsEntry("default_currency", List.of("value_is_invalid"))
        .containsEntry("document_number_prefix", List.of("value_is_mandatory"))
        .containsEntry("document_numbering", List.of("value_is_invalid"))
        .containsEntry("net_payment_term", List.of("value_is_out_of_range"))
        .containsEntry("invoice_grace_period", List.of("value_is_out_of_range"))
        .containsEntry("webhook_url", List.of("url_is_invalid"))
        .containsEntry("email", List.of("invalid_email_format"))
        .containsEntry("country", List.of("not_a_valid_country_code"))
        .containsEntry("document_locale", List.of("invalid_document_locale"))
        .containsEntry("email_settings", List.of("unsupported_value"));
  }

  @Test
  void shouldRejectANullEmailSetting() {
    List<String> settings = new ArrayList<>();
    settings.add(null);
    OrganizationChanges changes =
        new OrganizationChanges(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, settings);

    assertThat(OrganizationRules.validate(changes).details())
        .containsEntry("email_settings", List.of("unsupported_value"));
  }
}
