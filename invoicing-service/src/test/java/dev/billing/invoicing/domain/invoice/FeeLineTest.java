package dev.billing.invoicing.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.billing.BillingPeriod;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeeLineTest {

  private static final BillingPeriod AUGUST =
      BillingPeriod.full(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1));

  @Test
  void shouldKeyAChargeByFilterGroupAndPeriodWhenGrouped() {
    Map<String, String> regionFirst = new LinkedHashMap<>();
    regionFirst.put("region", "eu");
    regionFirst.put("cloud", "aws");
    Map<String, String> cloudFirst = new LinkedHashMap<>();
    cloudFirst.put("cloud", "aws");
    cloudFirst.put("region", "eu");

    FeeLine one = charge("filter-7", regionFirst);
    FeeLine other = charge("filter-7", cloudFirst);

    assertThat(one.key()).isEqualTo("charge:sub-1:ch-1:filter-7:cloud=aws,region=eu:2026-08-01");
    assertThat(other.key()).isEqualTo(one.key());
    assertThat(charge(null, null).key()).isEqualTo("charge:sub-1:ch-1:-:-:2026-08-01");
  }

  @Test
  void shouldRoundThePreciseAmountOnceWhenMakingALine() {
    FeeLine line = charge(null, null);

    // 1,234 units × $0.0015 = $1.851 → $1.85
    assertThat(line.preciseAmount()).isEqualByComparingTo("1.851");
    assertThat(line.amount()).isEqualTo(Money.ofMinor(185, "USD"));
  }

  private static FeeLine charge(String filterId, Map<String, String> groupedBy) {
    return FeeLine.charge(
        "sub-1",
        "ch-1",
        filterId,
        groupedBy,
        AUGUST,
        BigDecimal.valueOf(1_234),
        new BigDecimal("1.851"),
        Currencies.of("USD"),
        "API calls");
  }
}
