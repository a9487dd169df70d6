package dev.keyturn.testing.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.keyturn.testing.github.GithubControls.SecondaryLimit;
import dev.keyturn.testing.github.GithubControls.ServerError;
import dev.keyturn.testing.heroku.ContractViolation;
import dev.keyturn.testing.heroku.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Handles one request: route by the OpenAPI description, check the request contract, authenticate,
 * spend the rate-limit budget, apply an injected fault if one is queued, run the operation, and
 * check the answer against the documented response before sending it.
 */
final class GithubHandler implements HttpHandler {

  private final ObjectMapper mapper = new ObjectMapper();
  private final GithubContract contract;
  private final GithubRequestContract requestContract;
  private final GithubState state;
  private final GithubOperations operations;
  private final GithubControls controls;
  private final Consumer<RecordedRequest> log;
  private final Consumer<ContractViolation> violations;

  GithubHandler(
      GithubContract contract,
      GithubState state,
      GithubOperations operations,
      GithubControls controls,
      Consumer<RecordedRequest> log,
      Consumer<ContractViolation> violations) {
    this.contract = contract;
    this.requestContract = new GithubRequestContract(contract);
    this.state = state;
    this.operations = operations;
    this.controls = controls;
    this.log = log;
    this.violations = violations;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      IncomingCall request = IncomingCall.read(exchange, mapper);
      GithubResponse response = process(request);
      log.accept(request.recorded(response.status()));
      respond(exchange, response);
    } catch (IOException clientGone) {
      // the client hung up; nobody is left to answer
    }
  }

  private GithubResponse process(IncomingCall request) {
    try {
      GithubOperation op =
          contract
              .match(request.method(), request.path())
              .orElseThrow(() ->
                  GithubProblem.unknownRoute(
                      "GitHub's description has no " + request.method() + " " + request.path()));
      List<String> pathValues = op.match(request.path()).orElseThrow();
      List<String> problems = requestContract.problems(request, op, pathValues);
      if (!problems.isEmpty()) {
        throw GithubProblem.invalid(String.join("; ", problems));
      }
      authenticate(request);
      if (!controls.consume()) {
        throw new GithubProblem(403, "API rate limit exceeded for user ID 1.");
      }
      controls.nextFault().ifPresent(GithubHandler::fail);
      GithubResponse response =
          operations.execute(op, pathValues, request.queryParameters(), request.json());
      checkResponse(request, op, response);
      return response;
    } catch (GithubProblem problem) {
      if (problem.violation() != null) {
        violation(problem.violation(), request, problem.getMessage());
      }
      return new GithubResponse(problem.status(), error(problem), problem.headers());
    } catch (RuntimeException standInBug) {
      violation(
          ContractViolation.Kind.RESPONSE,
          request,
          "the stand-in failed: " + standInBug.getClass().getName());
      return GithubResponse.of(500, error(new GithubProblem(500, "Server Error")));
    }
  }

  private void authenticate(IncomingCall request) {
    String authorization = request.header("Authorization");
    if (authorization == null
        || !(authorization.startsWith("Bearer ") || authorization.startsWith("token "))) {
      throw GithubProblem.unauthenticated(true);
    }
    String token = authorization.substring(authorization.indexOf(' ') + 1).strip();
    if (!state.authenticates(token)) {
      throw GithubProblem.unauthenticated(false);
    }
  }

  private static void fail(GithubControls.Fault fault) {
    switch (fault) {
      case SecondaryLimit(int status, int retryAfter) ->
          throw new GithubProblem(
              status,
              "You have exceeded a secondary rate limit. Please wait a few minutes before you"
                  + " try again.",
              null,
              Map.of("retry-after", String.valueOf(retryAfter)));
      case ServerError(int status) -> throw new GithubProblem(status, "Server Error");
      case GithubControls.Pass pass -> {}
    }
  }

  private void checkResponse(IncomingCall request, GithubOperation op, GithubResponse response) {
    if (!response.successful()) {
      return;
    }
    if (!op.responses().containsKey(response.status())) {
      violation(
          ContractViolation.Kind.RESPONSE,
          request,
          op.operationId() + " does not document status " + response.status());
      return;
    }
    var schema = op.responses().get(response.status());
    if (schema == null) {
      if (response.body() != null) {
        violation(
            ContractViolation.Kind.RESPONSE,
            request,
            op.operationId() + " answers " + response.status() + " without a body");
      }
      return;
    }
    List<String> problems = contract.validate(schema, response.body());
    if (!problems.isEmpty()) {
      violation(
          ContractViolation.Kind.RESPONSE,
          request,
          "response to " + op.operationId() + ": " + String.join("; ", problems));
    }
  }

  private ObjectNode error(GithubProblem problem) {
    ObjectNode n = mapper.createObjectNode();
    n.put("message", problem.getMessage());
    n.put("documentation_url", GithubProblem.DOCS);
    n.put("status", String.valueOf(problem.status()));
    return n;
  }

  private void violation(ContractViolation.Kind kind, IncomingCall request, String message) {
    violations.accept(new ContractViolation(kind, request.method(), request.path(), message));
  }

  private void respond(HttpExchange exchange, GithubResponse response) throws IOException {
    var headers = exchange.getResponseHeaders();
    controls.headers().forEach(headers::set);
    headers.set("x-github-request-id", UUID.randomUUID().toString());
    headers.set("x-github-api-version-selected", GithubRequestContract.API_VERSION);
    response.headers().forEach(headers::set);
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] body = mapper.writeValueAsBytes(response.body());
    headers.set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
