package dev.billing.invoicing.domain.invoice;

/** What a fee bills; the wire names are Lago's {@code fee_type}. */
public enum FeeType {
  SUBSCRIPTION("subscription"),
  CHARGE("charge"),
  ADD_ON("add_on"),
  COMMITMENT("commitment");

  private final String wireName;

  FeeType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
