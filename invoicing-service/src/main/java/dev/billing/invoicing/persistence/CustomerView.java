package dev.billing.invoicing.persistence;

import dev.billing.invoicing.domain.customer.Customer;

/**
 * A customer with what its API object shows from its organization.
 *
 * @param customer the customer
 * @param organizationTimezone the zone used when the customer has none
 * @param documentNumberPrefix the organization's prefix, part of the customer's slug
 */
public record CustomerView(
    Customer customer, String organizationTimezone, String documentNumberPrefix) {

  public String applicableTimezone() {
    return customer.applicableTimezone(organizationTimezone);
  }
}
