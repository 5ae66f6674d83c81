package dev.billing.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Lago's error body: {@code {"status":422,"error":"Unprocessable Entity","code":
 * "validation_errors","error_details":{...}}}. {@code code} and {@code error_details} are left out
 * where Lago leaves them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
    @JsonProperty("status") int status,
    @JsonProperty("error") String error,
    @JsonProperty("code") String code,
    @JsonProperty("error_details") Object errorDetails) {

  public static ApiError of(ErrorCode code, Object details) {
    return new ApiError(code.http().status(), code.http().text(), code.code(), details);
  }
}
