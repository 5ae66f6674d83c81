package dev.billing.platform.readmodel;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** How an owner's internal read route answers {@link OwnerApi}: the rule both sides share. */
public final class OwnerAnswers {

  private OwnerAnswers() {}

  /** 200 with a JSON array of the message payloads, or 404 for none. */
  public static Response of(List<String> payloads) {
    if (payloads.isEmpty()) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    return Response.ok("[" + String.join(",", payloads) + "]", MediaType.APPLICATION_JSON).build();
  }
}
