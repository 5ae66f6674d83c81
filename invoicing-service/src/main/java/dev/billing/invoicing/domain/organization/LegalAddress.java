package dev.billing.invoicing.domain.organization;

/**
 * Who an organization is on its documents.
 *
 * @param email billing e-mail
 * @param legalName legal name
 * @param legalNumber company registration number
 * @param taxIdentificationNumber tax id
 * @param addressLine1 first address line
 * @param addressLine2 second address line
 * @param city city
 * @param state state or region
 * @param zipcode postal code
 * @param country ISO 3166-1 alpha-2 code
 */
public record LegalAddress(
    String email,
    String legalName,
    String legalNumber,
    String taxIdentificationNumber,
    String addressLine1,
    String addressLine2,
    String city,
    String state,
    String zipcode,
    String country) {

  public static final LegalAddress EMPTY =
      new LegalAddress(null, null, null, null, null, null, null, null, null, null);
}
