package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.keyturn.testing.heroku.RequestContract.Route;
import dev.keyturn.testing.heroku.RequestControls.Delay;
import dev.keyturn.testing.heroku.RequestControls.Failure;
import dev.keyturn.testing.heroku.RequestControls.Fault;
import dev.keyturn.testing.heroku.RequestControls.Pass;
import dev.keyturn.testing.heroku.RequestControls.RateLimited;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Handles one request: route by schema link, check the request contract, authenticate, spend the
 * rate-limit budget, apply an injected fault if one is queued, run the operation, and check the
 * answer against the link's targetSchema before sending it.
 */
final class StandInHandler implements HttpHandler {

  private final ObjectMapper mapper = new ObjectMapper();
  private final HerokuApiSchema schema;
  private final RequestContract contract;
  private final HerokuState state;
  private final Operations operations;
  private final RequestControls controls;
  private final RequestLog log;
  private final ContractViolations violations;

  StandInHandler(
      HerokuApiSchema schema,
      HerokuState state,
      Operations operations,
      RequestControls controls,
      RequestLog log,
      ContractViolations violations) {
    this.schema = schema;
    this.contract = new RequestContract(schema);
    this.state = state;
    this.operations = operations;
    this.controls = controls;
    this.log = log;
    this.violations = violations;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      IncomingRequest request = IncomingRequest.read(exchange, mapper);
      Handled handled = process(request);
      log.record(request.recorded(handled.response().status()));
      pause(handled.stall());
      respond(exchange, handled.response());
    } catch (IOException | InterruptedException clientGoneOrStopping) {
      // a client that timed out has hung up; there is nobody left to answer
    }
  }

  private record Handled(ApiResponse response, Duration stall) {}

  private Handled process(IncomingRequest request) {
    try {
      Route route = route(request);
      List<String> problems = contract.problems(request, route);
      if (!problems.isEmpty()) {
        throw ApiProblem.badRequest(String.join("; ", problems));
      }
      HerokuUser user = authenticate(request);
      if (!controls.consumeBudget()) {
        throw ApiProblem.rateLimited();
      }
      Duration stall = controls.nextFault().map(this::applyFault).orElse(Duration.ZERO);
      ApiResponse response =
          operations.execute(
              route.link(), route.parameters(), request.header("Range"), user, request.json());
      checkResponse(request, route.link(), response);
      return new Handled(response, stall);
    } catch (ApiProblem problem) {
      if (problem.violation() != null) {
        recordViolation(problem.violation(), request, problem.getMessage());
      }
      return new Handled(ApiResponse.of(problem), Duration.ZERO);
    } catch (RuntimeException standInBug) {
      // a defect of the stand-in must fail the test, not pass as a Heroku outage
      recordViolation(
          ContractViolation.Kind.RESPONSE,
          request,
          "the stand-in failed: " + standInBug.getClass().getName());
      return new Handled(
          ApiResponse.of(new ApiProblem(500, "internal_server_error", "Internal server error.")),
          Duration.ZERO);
    }
  }

  private Route route(IncomingRequest request) {
    List<ApiLink> links = schema.match(request.method(), request.path());
    if (links.isEmpty()) {
      throw ApiProblem.unknownRoute(
          "The Heroku Platform API has no route " + request.method() + " " + request.path());
    }
    return new Route(links, links.getFirst().match(request.path()).orElseThrow());
  }

  private HerokuUser authenticate(IncomingRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw ApiProblem.unauthorized(true);
    }
    return state
        .userForToken(authorization.substring("Bearer ".length()).trim())
        .orElseThrow(() -> ApiProblem.unauthorized(false));
  }

  /** Throws for faults that replace the answer; returns how long to hold a committed answer. */
  private Duration applyFault(Fault fault) {
    return switch (fault) {
      case Failure failure -> throw serverError(failure.status());
      case RateLimited ignored -> throw ApiProblem.rateLimited();
      case Pass ignored -> Duration.ZERO;
      case Delay(Duration duration, DelayedEffect effect) when effect == DelayedEffect.APPLIED ->
          duration;
      case Delay delay -> {
        pauseUninterruptedly(delay.duration());
        throw new ApiProblem(503, "service_unavailable", "The request timed out.");
      }
    };
  }

  private static ApiProblem serverError(int status) {
    String id =
        switch (status) {
          case 502 -> "bad_gateway";
          case 503 -> "service_unavailable";
          case 504 -> "gateway_timeout";
          default -> "internal_server_error";
        };
    return new ApiProblem(status, id, "Internal server error (injected by the Heroku stand-in).");
  }

  private void checkResponse(IncomingRequest request, ApiLink link, ApiResponse response) {
    if (!response.successful() || link.targetSchema().isEmpty()) {
      return;
    }
    List<String> problems = schema.validate(link.targetSchema().get(), response.body());
    if (!problems.isEmpty()) {
      recordViolation(
          ContractViolation.Kind.RESPONSE,
          request,
          "response to " + link.operation() + ": " + String.join("; ", problems));
    }
  }

  private void recordViolation(
      ContractViolation.Kind kind, IncomingRequest request, String message) {
    violations.record(new ContractViolation(kind, request.method(), request.path(), message));
  }

  private void respond(HttpExchange exchange, ApiResponse response) throws IOException {
    byte[] body = mapper.writeValueAsBytes(response.body());
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("RateLimit-Remaining", String.valueOf(controls.remaining()));
    headers.set("Request-Id", UUID.randomUUID().toString());
    response.headers().forEach(headers::set);
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void pause(Duration duration) throws InterruptedException {
    if (duration.isPositive()) {
      Thread.sleep(duration);
    }
  }

  private static void pauseUninterruptedly(Duration duration) {
    try {
      pause(duration);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }
}
