package dev.keyturn.rotate.vendor.heroku;

import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorFailedException;
import dev.keyturn.rotate.generator.GeneratorOptions;
import dev.keyturn.rotate.generator.SecretGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code heroku-authorization}: a Heroku OAuth authorization id and its token. Heroku issues new
 * ones itself (see {@link HerokuAuthorizations}), so this generator only validates options (there
 * are none) and checks the shape of values; {@link #generate} always fails.
 */
public final class HerokuAuthorizationGenerator implements SecretGenerator {

  public static final String TYPE = "heroku-authorization";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<String> validate(Map<String, String> options) {
    return new GeneratorOptions(options, Set.of()).problems();
  }

  /**
   * @throws GeneratorFailedException always: the value comes from Heroku during createSecret
   */
  @Override
  public String generate(GenerationRequest request) {
    throw new GeneratorFailedException(TYPE, "Heroku issues these values during createSecret");
  }

  @Override
  public void checkWellFormed(String value, Map<String, String> options) {
    new GeneratorOptions(options, Set.of()).requireValid(TYPE);
    HerokuCredential.parse(value);
  }
}
