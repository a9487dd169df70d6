package dev.keyturn.sync.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.http.LazyHttpClient;
import dev.keyturn.json.Json;
import dev.keyturn.sync.sink.SecretToken;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The Actions-secrets slice of the GitHub REST API: the public key, the secret list (names and
 * {@code updated_at}, never values), create-or-update with a sealed box, delete. The same calls
 * serve repository and environment secrets ({@link GithubTarget}).
 */
public final class GithubApi {

  /** The page size GitHub allows at most. */
  static final int PER_PAGE = 100;

  /** A repository's or environment's public key, as GitHub hands it out. */
  record PublicKey(String keyId, byte[] key) {}

  private final GithubTransport transport;

  public GithubApi(GithubSettings settings, SecretToken token) {
    this(settings, token, Clock.systemUTC(), RandomGenerator.getDefault());
  }

  public GithubApi(
      GithubSettings settings, SecretToken token, Clock clock, RandomGenerator random) {
    HttpClient http =
        LazyHttpClient.of(
            HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1));
    this.transport = new GithubTransport(http, settings, token, clock, random);
  }

  void ensureBudget(int calls) {
    transport.ensureBudget(calls);
  }

  /** Every secret's name (upper case, as GitHub stores them) and last update, page by page. */
  Map<String, Instant> secrets(GithubTarget target) {
    Map<String, Instant> out = new LinkedHashMap<>();
    for (int page = 1; ; page++) {
      String path = target.secretsPath() + "?per_page=" + PER_PAGE + "&page=" + page;
      JsonNode list = json(ok(transport.send("GET", path, null), "GET", path), "GET", path);
      for (JsonNode s : list.path("secrets")) {
        out.put(s.path("name").asText(), parseInstant(s.path("updated_at").asText(null)));
      }
      if (list.path("secrets").size() < PER_PAGE
          || out.size() >= list.path("total_count").asInt()) {
        return out;
      }
    }
  }

  PublicKey publicKey(GithubTarget target) {
    String path = target.secretsPath() + "/public-key";
    JsonNode key = json(ok(transport.send("GET", path, null), "GET", path), "GET", path);
    return new PublicKey(
        key.path("key_id").asText(), Base64.getDecoder().decode(key.path("key").asText()));
  }

  /**
   * Creates or updates a secret with {@code value} sealed for {@code key}.
   *
   * @return false when GitHub refused the key id (its key changed): fetch it again and retry
   */
  boolean put(GithubTarget target, String name, String value, PublicKey key) {
    String path = target.secretsPath() + "/" + GithubTarget.segment(name);
    byte[] sealed = SealedBox.seal(value.getBytes(StandardCharsets.UTF_8), key.key());
    String body =
        Json.write(
            Map.of(
                "encrypted_value",
                Base64.getEncoder().encodeToString(sealed),
                "key_id",
                key.keyId()));
    GithubTransport.Response r = transport.send("PUT", path, body);
    if (r.status() == 422) {
      return false;
    }
    ok(r, "PUT", path);
    return true;
  }

  /** Deletes a secret; one already gone (404) counts as deleted. */
  void delete(GithubTarget target, String name) {
    String path = target.secretsPath() + "/" + GithubTarget.segment(name);
    GithubTransport.Response r = transport.send("DELETE", path, null);
    if (r.status() != 404) {
      ok(r, "DELETE", path);
    }
  }

  private static GithubTransport.Response ok(
      GithubTransport.Response r, String method, String path) {
    if (r.status() < 200 || r.status() >= 300) {
      throw new GithubCallException(r.status(), method, path, message(r.body()));
    }
    return r;
  }

  private static JsonNode json(GithubTransport.Response r, String method, String path) {
    try {
      return Json.tree(r.body());
    } catch (Json.JsonException e) {
      throw new GithubCallException(r.status(), method, path, "not JSON");
    }
  }

  /** GitHub's {@code message}: names what is wrong, never echoes a value. */
  private static String message(String body) {
    try {
      return body == null || body.isBlank() ? null : Json.tree(body).path("message").asText(null);
    } catch (Json.JsonException e) {
      return null;
    }
  }

  private static Instant parseInstant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
