package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

class HerokuStandInExtensionTest {

  @Test
  void testAfterWhichViolationsWereRecorded_fails_andTheNextTestDoesNot() {
    var events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(ProvokesViolation.class))
            .execute()
            .testEvents();

    events
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("sendsAPatchWithANumber"),
                finishedWithFailure(
                    instanceOf(AssertionError.class),
                    message(text -> text.contains("Heroku contract violations")))))
        .haveExactly(1, event(test("behavesWell"), finishedSuccessfully()));
  }

  @Test
  void standIn_isSharedByTheClassesTests_andStoppedAfterIt() {
    SharesOneStandIn.baseUrls.clear();

    var events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(SharesOneStandIn.class))
            .execute()
            .testEvents();

    events.assertStatistics(stats -> stats.succeeded(2));
    assertThat(SharesOneStandIn.baseUrls).hasSize(2).containsOnly(SharesOneStandIn.baseUrls.get(0));
    assertThat(answers(SharesOneStandIn.baseUrls.get(0))).isFalse();
  }

  private static boolean answers(URI baseUrl) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      http.send(
          HttpRequest.newBuilder(baseUrl.resolve("/account")).build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (Exception refused) {
      return false;
    }
  }

  /** Fixture run by the test kit only; the surefire run skips it through its enclosing test. */
  @WithHerokuStandIn
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ProvokesViolation {
    @Test
    @Order(1)
    void sendsAPatchWithANumber(HerokuStandIn standIn) {
      standIn.createApp("billing");
      new ApiCalls(standIn).patch("/apps/billing/config-vars", "{\"A\":1}");
    }

    @Test
    @Order(2)
    void behavesWell(HerokuStandIn standIn) {
      standIn.createApp("billing");
      new ApiCalls(standIn).patch("/apps/billing/config-vars", "{\"A\":\"1\"}");
    }
  }

  /** Fixture: records the base URL each test sees; the second test needs the first's app gone. */
  @WithHerokuStandIn
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SharesOneStandIn {
    static final List<URI> baseUrls = new ArrayList<>();

    @Test
    @Order(1)
    void first(HerokuStandIn standIn) {
      baseUrls.add(standIn.baseUrl());
      standIn.createApp("billing");
    }

    @Test
    @Order(2)
    void second(HerokuStandIn standIn) {
      baseUrls.add(standIn.baseUrl());
      standIn.createApp("billing");
    }
  }
}
