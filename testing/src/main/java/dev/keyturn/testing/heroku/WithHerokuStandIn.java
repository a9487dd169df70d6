package dev.keyturn.testing.heroku;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link HerokuStandIn} for the annotated test class and injects it into test, lifecycle and
 * constructor parameters of that type. A test after which contract violations were recorded fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HerokuStandInExtension.class)
public @interface WithHerokuStandIn {

  /**
   * Whether each test starts from a {@link HerokuStandIn#reset() reset} stand-in (default). Turn
   * off to share apps created in {@code @BeforeAll} across the class's tests.
   */
  boolean resetBeforeEach() default true;
}
