package dev.billing.invoicing.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InvoiceStatusTest {

  @ParameterizedTest
  @CsvSource({
    "DRAFT, FINALIZED, true",
    "DRAFT, VOIDED, false",
    "FINALIZED, VOIDED, true",
    "FINALIZED, DRAFT, false",
    "VOIDED, FINALIZED, false",
    "VOIDED, DRAFT, false",
    "PENDING, DRAFT, true",
    "PENDING, FINALIZED, true",
    "PENDING, FAILED, true",
    "PENDING, VOIDED, false",
    "FAILED, PENDING, true",
    "FAILED, FINALIZED, false"
  })
  void shouldAllowOnlyLagosChanges(InvoiceStatus from, InvoiceStatus to, boolean allowed) {
    assertThat(from.canBecome(to)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @EnumSource(value = InvoiceStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
  void shouldRefuseToFinalizeOrRefreshWhenNotADraft(InvoiceStatus status) {
    assertThat(status.isFinalizable()).isFalse();
    assertThat(status.isRefreshable()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = InvoiceStatus.class, names = "FINALIZED", mode = EnumSource.Mode.EXCLUDE)
  void shouldRefuseToVoidWhenNotFinalized(InvoiceStatus status) {
    assertThat(status.isVoidable()).isFalse();
    assertThatThrownBy(status::voided).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @EnumSource(InvoiceStatus.class)
  void shouldReadBackItsWireName(InvoiceStatus status) {
    assertThat(InvoiceStatus.fromWire(status.wireName())).isEqualTo(status);
  }
}
