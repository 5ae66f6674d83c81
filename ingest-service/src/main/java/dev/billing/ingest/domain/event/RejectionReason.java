package dev.billing.ingest.domain.event;

/** Why a message of {@code billing.events.inbound} was rejected: stable codes, part of the API. */
public enum RejectionReason {
  /** The message is not JSON. */
  MALFORMED_JSON("malformed_json"),
  /** The message is JSON but not an object. */
  NOT_AN_OBJECT("not_an_object"),
  /** No {@code organization_id}, or not a UUID. */
  MISSING_ORGANIZATION("missing_organization_id"),
  /** An {@code organization_id} this system does not know (yet). */
  UNKNOWN_ORGANIZATION("unknown_organization"),
  /** The event breaks a field rule; the details name the fields, as a 422 would. */
  INVALID_EVENT("invalid_event");

  private final String code;

  RejectionReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
