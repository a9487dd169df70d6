package dev.keyturn.testing.github;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link GithubStandIn} for the annotated test class (reset before each test) and injects it
 * into parameters of that type. A test after which contract violations were recorded fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GithubStandInExtension.class)
public @interface WithGithubStandIn {}
