package dev.keyturn.cli;

import dev.keyturn.inventory.lint.LintContext;
import dev.keyturn.inventory.lint.OptionValidator;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import java.time.Clock;

/** The option validators of the modules that own generators and webhook schemes. */
final class Validators {

  private Validators() {}

  static LintContext lintContext(Clock clock) {
    GeneratorRegistry generators = GeneratorRegistry.forValidation();
    OptionValidator generatorOptions = generators::validate;
    return new LintContext(clock.instant(), generatorOptions, OptionValidator.NONE);
  }
}
