package dev.keyturn.rotate;

import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.SecretGenerator;
import dev.keyturn.rotate.generator.hmac.HmacKeyGenerator;
import dev.keyturn.rotate.generator.jsonfield.JsonFieldGenerator;
import dev.keyturn.rotate.generator.jwt.JwtKeyGenerator;
import dev.keyturn.rotate.generator.password.RandomPasswordGenerator;
import dev.keyturn.rotate.generator.password.RandomPasswordPort;
import dev.keyturn.rotate.vendor.aws.AwsIamAccessKeyGenerator;
import dev.keyturn.rotate.vendor.heroku.HerokuAuthorizationGenerator;
import java.util.ArrayList;
import java.util.List;

/** Every generator type the rotate function knows: the built-ins plus the vendor-issued ones. */
public final class RotationGenerators {

  private RotationGenerators() {}

  /** The registry the rotation and the sweep generate with. */
  public static GeneratorRegistry all(RandomPasswordPort passwords, RandomSource random) {
    return withVendorTypes(builtIns(passwords, random));
  }

  /** Every type, for validating an inventory without AWS (the CLI's lint). */
  public static GeneratorRegistry forValidation() {
    return withVendorTypes(builtInsForValidation());
  }

  /**
   * Every built-in: random-password (through {@code passwords}), hmac-key, jwt-rsa, jwt-ec and
   * json-field (all drawing randomness from {@code random}).
   */
  public static GeneratorRegistry builtIns(RandomPasswordPort passwords, RandomSource random) {
    return new GeneratorRegistry(
        List.of(
            new RandomPasswordGenerator(passwords),
            new HmacKeyGenerator(random),
            JwtKeyGenerator.rsa(random),
            JwtKeyGenerator.ec(random),
            new JsonFieldGenerator(random)));
  }

  /**
   * The built-ins for validating an inventory without AWS (e.g. the CLI's lint): validate and
   * checkWellFormed work; random-password's generate fails because it has no Secrets Manager.
   */
  public static GeneratorRegistry builtInsForValidation() {
    return builtIns(
        policy -> {
          throw new UnsupportedOperationException(
              "this registry only validates; random-password needs Secrets Manager to generate");
        },
        new RandomSource());
  }

  private static GeneratorRegistry withVendorTypes(GeneratorRegistry builtIns) {
    List<SecretGenerator> all = new ArrayList<>();
    builtIns.types().forEach(type -> all.add(builtIns.get(type)));
    all.add(new HerokuAuthorizationGenerator());
    all.add(new AwsIamAccessKeyGenerator());
    return new GeneratorRegistry(all);
  }
}
