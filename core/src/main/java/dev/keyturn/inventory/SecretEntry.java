package dev.keyturn.inventory;

import java.util.List;
import java.util.Optional;

/**
 * One logical secret of the inventory.
 *
 * @param name taxonomy name, e.g. {@code CF_DNS_EDIT_RAXX_APP}
 * @param source where the value lives (Secrets Manager or SSM); null only in an unlinted file
 * @param tags the four taxonomy tag dimensions
 * @param environments environments the secret exists in (prod, staging, dev, ...)
 * @param scope {@code account} for account-wide tokens, else null
 * @param devAnalog why a dev value exists (e.g. "Stripe test-mode key"); required for dev
 * @param generator how rotation produces a new value; null when keyturn does not generate it
 * @param expiresAt raw {@code expiresAt}: ISO-8601 UTC instant, {@code non-expiring}, or null
 * @param scopes vendor permission strings
 * @param review who reviewed a critical token
 * @param sinks where the value is published
 * @param references documented consumer references (seed 002 step 5: a CI workflow, a Terraform
 *     variables file, a config loader) for consumers keyturn does not publish to
 */
public record SecretEntry(
    String name,
    Source source,
    Tags tags,
    List<String> environments,
    String scope,
    String devAnalog,
    GeneratorSpec generator,
    String expiresAt,
    List<String> scopes,
    String review,
    List<Sink> sinks,
    List<String> references) {

  public static final String ACCOUNT_SCOPE = "account";

  public SecretEntry {
    environments = List.copyOf(environments);
    scopes = List.copyOf(scopes);
    sinks = List.copyOf(sinks);
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** An entry without documented consumer references. */
  public SecretEntry(
      String name,
      Source source,
      Tags tags,
      List<String> environments,
      String scope,
      String devAnalog,
      GeneratorSpec generator,
      String expiresAt,
      List<String> scopes,
      String review,
      List<Sink> sinks) {
    this(
        name,
        source,
        tags,
        environments,
        scope,
        devAnalog,
        generator,
        expiresAt,
        scopes,
        review,
        sinks,
        List.of());
  }

  /** How this entry gets a new value. */
  public RotationMode mode() {
    return RotationMode.of(this);
  }

  public Optional<GeneratorSpec> generatorSpec() {
    return Optional.ofNullable(generator);
  }

  /** The expiry as an instant, empty when absent, non-expiring or unparseable. */
  public Optional<java.time.Instant> expiry() {
    return Expiry.parse(expiresAt).flatMap(Expiry::instant);
  }

  public List<Sink.Heroku> herokuSinks() {
    return sinks.stream()
        .filter(Sink.Heroku.class::isInstance)
        .map(Sink.Heroku.class::cast)
        .toList();
  }

  public List<Sink.Dotenv> dotenvSinks() {
    return sinks.stream()
        .filter(Sink.Dotenv.class::isInstance)
        .map(Sink.Dotenv.class::cast)
        .toList();
  }
}
