package dev.keyturn.rotate;

import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.SecretGenerator;
import dev.keyturn.rotate.generator.password.RandomPasswordPort;
import dev.keyturn.rotate.vendor.heroku.HerokuAuthorizationGenerator;
import java.util.ArrayList;
import java.util.List;

/** Every generator type the rotate function knows: the built-ins plus the vendor-issued ones. */
public final class RotationGenerators {

  private RotationGenerators() {}

  /** The registry the rotation and the sweep generate with. */
  public static GeneratorRegistry all(RandomPasswordPort passwords, RandomSource random) {
    return withVendorTypes(GeneratorRegistry.builtIns(passwords, random));
  }

  /** Every type, for validating an inventory without AWS (the CLI's lint). */
  public static GeneratorRegistry forValidation() {
    return withVendorTypes(GeneratorRegistry.forValidation());
  }

  private static GeneratorRegistry withVendorTypes(GeneratorRegistry builtIns) {
    List<SecretGenerator> all = new ArrayList<>();
    builtIns.types().forEach(type -> all.add(builtIns.get(type)));
    all.add(new HerokuAuthorizationGenerator());
    return new GeneratorRegistry(all);
  }
}
