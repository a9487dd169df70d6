package dev.keyturn.cli.inventory;

import dev.keyturn.inventory.GeneratorTypes;
import dev.keyturn.inventory.lint.LintContext;
import dev.keyturn.inventory.lint.OptionValidator;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.webhook.scheme.Schemes;
import java.time.Clock;

/** The option validators of the modules that own generators and webhook schemes. */
final class Validators {

  private Validators() {}

  static LintContext lintContext(Clock clock) {
    GeneratorRegistry generators = RotationGenerators.forValidation();
    OptionValidator schemeOptions = Schemes::validateOptions;
    return new LintContext(clock.instant(), generatorOptions(generators), schemeOptions);
  }

  /**
   * The rotate module validates the types it registers; a type core's table declares that this
   * build does not register yet (one another module adds) is checked for its required options.
   */
  static OptionValidator generatorOptions(GeneratorRegistry generators) {
    return new OptionValidator() {
      @Override
      public java.util.List<String> validate(String type, java.util.Map<String, String> options) {
        return !generators.types().contains(type) && GeneratorTypes.find(type).isPresent()
            ? GeneratorTypes.missingOptions(type, options)
            : generators.validate(type, options);
      }

      @Override
      public boolean secretsManagerOnly(String type) {
        return RotationGenerators.secretsManagerOnly(type);
      }
    };
  }
}
