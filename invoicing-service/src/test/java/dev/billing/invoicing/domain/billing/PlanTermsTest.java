package dev.billing.invoicing.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.billing.PlanInterval;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanTermsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "weekly, WEEKLY",
    "monthly, MONTHLY",
    "quarterly, QUARTERLY",
    "semiannual, SEMIANNUAL",
    "yearly, YEARLY"
  })
  void shouldReadLagosIntervalNamesWhenParsing(String wire, PlanInterval interval) {
    assertThat(PlanInterval.fromWireName(wire)).contains(interval);
    assertThat(interval.wireName()).isEqualTo(wire);
  }

  @Test
  void shouldReadLagosBillingTimesWhenParsing() {
    assertThat(BillingTime.fromWireName("calendar")).contains(BillingTime.CALENDAR);
    assertThat(BillingTime.fromWireName("anniversary")).contains(BillingTime.ANNIVERSARY);
    assertThat(BillingTime.fromWireName("daily")).isEmpty();
  }

  @Test
  void shouldOnlyBillChargesMonthlyWhenThePlanIsYearlyOrSemiannual() {
    PlanTerms quarterly =
        PlanTerms.of(1_000, "USD", PlanInterval.QUARTERLY, false).withBillChargesMonthly(true);
    PlanTerms yearly =
        PlanTerms.of(1_000, "USD", PlanInterval.YEARLY, false).withBillChargesMonthly(true);

    assertThat(quarterly.chargesBilledMonthly()).isFalse();
    assertThat(yearly.chargesBilledMonthly()).isTrue();
  }

  @Test
  void shouldReportLagoStyleErrorsWhenAmountsAreNegative() {
    PlanTerms terms =
        PlanTerms.of(-1, "USD", PlanInterval.MONTHLY, false)
            .withTrialPeriodDays(new BigDecimal("-2"))
            .withMinimumCommitmentCents(-5L);

    assertThat(terms.validate().details())
        .isEqualTo(
            Map.of(
                "amount_cents", List.of("value_is_out_of_range"),
                "trial_period", List.of("value_is_out_of_range"),
                "minimum_commitment", List.of("value_is_out_of_range")));
    assertThat(PlanTerms.of(0, "JPY", PlanInterval.WEEKLY, true).validate().isEmpty()).isTrue();
  }
}
