package dev.billing.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrenciesTest {

  /** Every currency of Lago's API (lago-javascript-client 1.53, type Currency). */
  private static final String LAGO_CURRENCIES =
      "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BIF BMD BND BOB BRL BSD BWP BYN BZD"
          + " CAD CDF CHF CLF CLP CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL"
          + " GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR ISK JMD JPY KES KGS KHR KMF"
          + " KRW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRO MUR MVR MWK MXN MYR"
          + " MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD"
          + " SCR SEK SGD SHP SLL SOS SRD STD SZL THB TJS TOP TRY TTD TWD TZS UAH UGX USD UYU UZS"
          + " VND VUV WST XAF XCD XOF XPF YER ZAR ZMW";

  @ParameterizedTest
  @CsvSource({
    "USD, 2", "EUR, 2", "JPY, 0", "KRW, 0", "VND, 0", "CLP, 0", "ISK, 0", "KWD, 3", "BHD, 3",
    "OMR, 3", "TND, 3", "CLF, 4", "UYW, 4"
  })
  void shouldKnowTheMinorUnitOfEachCurrency(String code, int exponent) {
    assertThat(Currencies.of(code).exponent()).isEqualTo(exponent);
  }

  @Test
  void shouldAcceptEveryCurrencyLagoAccepts() {
    assertThat(Arrays.stream(LAGO_CURRENCIES.split(" ")).filter(c -> !Currencies.isKnown(c)))
        .isEmpty();
  }

  @Test
  void shouldAgreeWithTheJdkOnEveryActiveCurrencyItKnows() {
    for (CurrencyUnit unit : Currencies.all()) {
      java.util.Currency jdk;
      try {
        jdk = java.util.Currency.getInstance(unit.code());
      } catch (IllegalArgumentException notInJdk) {
        continue;
      }
      assertThat(unit.exponent()).as(unit.code()).isEqualTo(jdk.getDefaultFractionDigits());
    }
  }

  @Test
  void shouldRejectUnknownAndLowercaseCodes() {
    assertThat(Currencies.isKnown("usd")).isFalse();
    assertThat(Currencies.isKnown("XAU")).isFalse();
    assertThat(Currencies.find(null)).isEmpty();
    assertThatThrownBy(() -> Currencies.of("ABC")).isInstanceOf(UnknownCurrencyException.class);
  }
}
