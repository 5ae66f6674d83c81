package dev.billing.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers. Every answer is Lago's error envelope; a
 * client mistake is never a 500, and a 500 never carries a stack trace.
 */
public class ApiExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
  // character_not_in_repertoire (NUL, invalid UTF-8), untranslatable_character
  private static final java.util.Set<String> UNSTORABLE_TEXT = java.util.Set.of("22021", "22P05");

  @ServerExceptionMapper
  public Response apiException(ApiException e) {
    return ErrorResponses.of(e);
  }

  // Quarkus ships its own mapper for MismatchedInputException (an empty 400); a mapper for the
  // exact
  // type with our priority replaces it.
  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response mismatchedInput(MismatchedInputException e) {
    return ErrorResponses.of(fromJackson(e));
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response streamRead(StreamReadException e) {
    return ErrorResponses.of(fromJackson(e));
  }

  @ServerExceptionMapper
  public Response jsonMapping(DatabindException e) {
    return ErrorResponses.of(fromJackson(e));
  }

  @ServerExceptionMapper
  public Response jsonProcessing(JsonProcessingException e) {
    return ErrorResponses.of(fromJackson(e));
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonProcessingException json) {
      return ErrorResponses.of(fromJackson(json));
    }
    if (cause instanceof ApiException api) {
      return ErrorResponses.of(api);
    }
    int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
    if (status >= 500) {
      LOG.errorf(e, "server error %d", status);
    }
    return ErrorResponses.of(new ApiException(codeForStatus(status)));
  }

  /**
   * PostgreSQL refuses text holding NUL or bytes that are not UTF-8 (a query parameter such as
   * {@code %00}): that is the client's input, a 400, not a server error.
   */
  @ServerExceptionMapper
  public Response postgres(PgException e) {
    if (UNSTORABLE_TEXT.contains(e.getSqlState())) {
      return ErrorResponses.of(
          ApiException.badRequest("text must be valid UTF-8 without NUL characters"));
    }
    return unexpected(e);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    if (e instanceof ApiException api) {
      return ErrorResponses.of(api);
    }
    LOG.error("unexpected error while handling a request", e);
    return ErrorResponses.of(new ApiException(PlatformErrorCode.INTERNAL_ERROR));
  }

  /**
   * Malformed JSON is a 400. A value of the wrong type inside the request's root object is a 422
   * naming the field, as Lago reports it; a wrong type for the root object itself is a 400.
   */
  public static ApiException fromJackson(JsonProcessingException e) {
    if (e instanceof MismatchedInputException mismatch) {
      List<JsonMappingException.Reference> path = mismatch.getPath();
      if (path.size() >= 2) {
        return new ApiException(
            PlatformErrorCode.VALIDATION_ERRORS,
            Map.of(fieldName(path), List.of("value_is_invalid")));
      }
      if (path.size() == 1 && path.get(0).getFieldName() != null) {
        return ApiException.badRequest("invalid value for " + path.get(0).getFieldName());
      }
      if (path.isEmpty()) {
        return ApiException.badRequest("the request body must be a JSON object");
      }
    }
    return new ApiException(
        new ApiError(
            400,
            "BadRequest: malformed JSON",
            PlatformErrorCode.INVALID_JSON.code(),
            Map.of("json", List.of(firstLine(e.getOriginalMessage())))),
        Map.of());
  }

  /** The field inside the root object, dotted for nested objects, with list indexes in brackets. */
  private static String fieldName(List<JsonMappingException.Reference> path) {
    StringBuilder name = new StringBuilder();
    for (JsonMappingException.Reference ref : path.subList(1, path.size())) {
      if (ref.getFieldName() != null) {
        if (!name.isEmpty()) {
          name.append('.');
        }
        name.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        name.append('[').append(ref.getIndex()).append(']');
      }
    }
    return name.isEmpty() ? path.get(0).getFieldName() : name.toString();
  }

  /** The parser's message without the source-location noise Jackson appends. */
  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable body";
    }
    int cut = message.length();
    for (String marker : new String[] {"\n", " (start marker", " at [Source"}) {
      int at = message.indexOf(marker);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return message.substring(0, cut);
  }

  private static ErrorCode codeForStatus(int status) {
    return switch (status) {
      case 401 -> PlatformErrorCode.UNAUTHORIZED;
      case 404 -> PlatformErrorCode.RESOURCE_NOT_FOUND;
      case 405 -> PlatformErrorCode.METHOD_NOT_ALLOWED;
      case 406 -> PlatformErrorCode.NOT_ACCEPTABLE;
      case 413 -> PlatformErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> PlatformErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> PlatformErrorCode.TOO_MANY_REQUESTS;
      case 503 -> PlatformErrorCode.SERVICE_UNAVAILABLE;
      default -> status < 500 ? PlatformErrorCode.BAD_REQUEST : PlatformErrorCode.INTERNAL_ERROR;
    };
  }
}
