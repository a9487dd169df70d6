package dev.keyturn.testing.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.keyturn.testing.cloudflare.CloudflareState.Failure;
import dev.keyturn.testing.cloudflare.CloudflareState.Limited;
import dev.keyturn.testing.github.IncomingCall;
import dev.keyturn.testing.heroku.ContractViolation;
import dev.keyturn.testing.heroku.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles one request: route, Bearer authentication, an injected fault if one is queued, the
 * operation, and the v4 envelope (checked) around every answer.
 */
final class CloudflareHandler implements HttpHandler {

  static final Pattern ROUTE =
      Pattern.compile("^/client/v4/accounts/([^/]+)/workers/scripts/([^/]+)/secrets(?:/([^/]+))?$");

  private final ObjectMapper mapper = new ObjectMapper();
  private final CloudflareContract contract = new CloudflareContract(mapper);
  private final CloudflareState state;
  private final Consumer<RecordedRequest> log;
  private final Consumer<ContractViolation> violations;

  CloudflareHandler(
      CloudflareState state,
      Consumer<RecordedRequest> log,
      Consumer<ContractViolation> violations) {
    this.state = state;
    this.log = log;
    this.violations = violations;
  }

  private record Answer(
      int status, JsonNode result, List<String> errors, Map<String, String> headers) {}

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      IncomingCall call = IncomingCall.read(exchange, mapper);
      Answer answer = process(call);
      ObjectNode body = envelope(answer);
      List<String> problems = contract.envelope(body);
      if (!problems.isEmpty()) {
        violation(ContractViolation.Kind.RESPONSE, call, "envelope: " + problems);
      }
      log.accept(call.recorded(answer.status()));
      byte[] bytes = mapper.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("cf-ray", UUID.randomUUID().toString().substring(0, 16));
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException clientGone) {
      // nobody left to answer
    }
  }

  private Answer process(IncomingCall call) {
    Matcher m = ROUTE.matcher(call.path());
    if (!m.matches()) {
      violation(ContractViolation.Kind.REQUEST, call, "no such route");
      return error(404, 7003, "Could not route to " + call.path());
    }
    String auth = call.header("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      violation(ContractViolation.Kind.REQUEST, call, "Authorization must be 'Bearer <token>'");
      return error(400, 6003, "Invalid request headers");
    }
    if (!state.tokens.contains(auth.substring("Bearer ".length()).strip())) {
      return error(401, 10000, "Authentication error");
    }
    CloudflareState.Fault fault = state.nextFault();
    if (fault instanceof Limited(int retryAfter)) {
      return new Answer(
          429, null, List.of("10429:Too many requests"), Map.of("Retry-After", "" + retryAfter));
    }
    if (fault instanceof Failure(int status)) {
      return error(status, 10013, "An unknown error has occurred");
    }
    Worker worker =
        state.workers.get(IncomingCall.decode(m.group(1)) + "/" + IncomingCall.decode(m.group(2)));
    if (worker == null) {
      return error(404, 10007, "This Worker does not exist on your account.");
    }
    String name = m.group(3) == null ? null : IncomingCall.decode(m.group(3));
    return operate(call, worker, name);
  }

  private Answer operate(IncomingCall call, Worker worker, String name) {
    String method = call.method();
    if (name == null && method.equals("GET")) {
      ArrayNode list = mapper.createArrayNode();
      worker.secrets().keySet().forEach(n -> list.add(secret(n)));
      check(call, contract.secretList(list));
      return ok(list);
    }
    if (name == null && method.equals("PUT")) {
      String type = call.header("Content-Type");
      List<String> problems =
          call.json() == null ? List.of("body is not JSON") : contract.putBody(call.json());
      if (type == null || !type.startsWith("application/json") || !problems.isEmpty()) {
        violation(
            ContractViolation.Kind.REQUEST, call, "PUT body: " + problems + " (" + type + ")");
        return error(400, 10021, "Invalid request body");
      }
      worker.put(call.json().path("name").asText(), call.json().path("text").asText());
      ObjectNode result = secret(call.json().path("name").asText());
      check(call, contract.secret(result));
      return ok(result);
    }
    if (name != null && method.equals("GET")) {
      return worker.secrets().containsKey(name)
          ? ok(secret(name))
          : error(404, 10056, "Secret not found");
    }
    if (name != null && method.equals("DELETE")) {
      return worker.delete(name) ? ok(null) : error(404, 10056, "Secret not found");
    }
    violation(ContractViolation.Kind.REQUEST, call, "method not allowed");
    return error(405, 10405, "Method not allowed");
  }

  private ObjectNode secret(String name) {
    ObjectNode n = mapper.createObjectNode();
    n.put("name", name);
    n.put("type", "secret_text");
    return n;
  }

  private void check(IncomingCall call, List<String> problems) {
    if (!problems.isEmpty()) {
      violation(ContractViolation.Kind.RESPONSE, call, "result: " + problems);
    }
  }

  private static Answer ok(JsonNode result) {
    return new Answer(200, result, List.of(), Map.of());
  }

  private static Answer error(int status, int code, String message) {
    return new Answer(status, null, List.of(code + ":" + message), Map.of());
  }

  private ObjectNode envelope(Answer a) {
    ObjectNode n = mapper.createObjectNode();
    n.put("success", a.errors().isEmpty());
    ArrayNode errors = n.putArray("errors");
    for (String e : a.errors()) {
      int colon = e.indexOf(':');
      ObjectNode err = errors.addObject();
      err.put("code", Integer.parseInt(e.substring(0, colon)));
      err.put("message", e.substring(colon + 1));
    }
    n.putArray("messages");
    n.set("result", a.result() == null ? mapper.nullNode() : a.result());
    return n;
  }

  private void violation(ContractViolation.Kind kind, IncomingCall call, String message) {
    violations.accept(new ContractViolation(kind, call.method(), call.path(), message));
  }
}
