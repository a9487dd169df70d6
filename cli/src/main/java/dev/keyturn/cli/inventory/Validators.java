package dev.keyturn.cli.inventory;

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
    OptionValidator generatorOptions = generators::validate;
    OptionValidator schemeOptions = Schemes::validateOptions;
    return new LintContext(clock.instant(), generatorOptions, schemeOptions);
  }
}
