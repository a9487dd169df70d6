package dev.keyturn.webhook.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTest {

  @ParameterizedTest
  @ValueSource(strings = {"stripe", "heroku-billing", "gh.v2", "a_b", "A1", "x"})
  void sourceNames_areTokens(String name) {
    assertThat(Route.source("/webhooks/" + name)).hasValue(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"-x", ".x", "a b", "a/b", "a%2Fb", "é", "a\u0000", "a:b", "a?b", "a#b", "a+b"})
  void otherNames_areNotRoutes(String name) {
    assertThat(Route.source("/webhooks/" + name)).isEmpty();
  }

  @Test
  void namesLongerThan64_areNotRoutes() {
    assertThat(Route.source("/webhooks/" + "a".repeat(64))).isPresent();
    assertThat(Route.source("/webhooks/" + "a".repeat(65))).isEmpty();
  }

  @Test
  void nullPath_isNotARoute() {
    assertThat(Route.source(null)).isEmpty();
  }
}
