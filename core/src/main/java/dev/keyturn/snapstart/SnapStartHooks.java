package dev.keyturn.snapstart;

import dev.keyturn.http.LazyHttpClient;
import io.micronaut.context.BeanContext;
import io.micronaut.crac.OrderedResource;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart's checkpoint and restore, for every function (micronaut-crac registers each {@link
 * OrderedResource} bean when the context starts).
 *
 * <ul>
 *   <li>Before the snapshot: create every singleton the context has not created yet (Lambda
 *       contexts create them on demand, see {@link dev.keyturn.config.LambdaContexts}; a cold start
 *       without SnapStart only pays for what its request uses, the snapshot holds them all) and
 *       every vendor HTTP client not built yet ({@link LazyHttpClient}), run every {@link Primer}
 *       (failures tolerated), then drop cached credentials and reseed, so the snapshot holds
 *       loaded, compiled request paths but no credentials and no seeded randomness.
 *   <li>After each restore: a fresh credentials chain and fresh randomness.
 * </ul>
 */
@Singleton
public class SnapStartHooks implements OrderedResource {

  private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);

  private final BeanContext beans;
  private final List<Reseedable> reseedables;
  private final RefreshableCredentialsProvider credentials;

  /**
   * @param beans where the {@link Primer} beans are found at the checkpoint, one by one, not here:
   *     micronaut-crac creates this resource at startup in every context (the CLI's too), which
   *     must not build AWS clients it never uses; and a primer that cannot even be created is one
   *     failed primer, not a failed checkpoint
   */
  public SnapStartHooks(
      BeanContext beans, List<Reseedable> reseedables, RefreshableCredentialsProvider credentials) {
    this.beans = beans;
    this.reseedables = List.copyOf(reseedables);
    this.credentials = credentials;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    List<String> notCreated = createSingletons();
    // the vendors' HTTP clients, built on first use at a cold start, are in the snapshot too
    LazyHttpClient.buildAll();
    PrimingReport report = prime();
    LOG.info(
        "snapstart: primed {} of {} paths{}{}",
        report.primed().size(),
        report.primed().size() + report.failed().size(),
        report.failed().isEmpty() ? "" : "; failed (tolerated): " + report.failed(),
        notCreated.isEmpty() ? "" : "; singletons not created (tolerated): " + notCreated);
    forgetPerEnvironmentState();
  }

  /**
   * Creates every singleton not created yet, as an eagerly started context would have at init, so
   * the snapshot holds them (event listeners, other functions' clients, Micronaut's own beans). A
   * bean that cannot be created is named with its exception type and skipped: a context started
   * eagerly would have failed its init on it, but no request of this function uses it.
   *
   * @return {@code Type:ExceptionType} of the singletons that could not be created
   */
  public List<String> createSingletons() {
    List<String> failed = new ArrayList<>();
    for (BeanDefinition<?> definition : List.copyOf(beans.getAllBeanDefinitions())) {
      if (!definition.isSingleton() || definition.isIterable() || definition.isAbstract()) {
        continue;
      }
      try {
        beans.getBean(definition);
      } catch (RuntimeException | LinkageError e) {
        failed.add(definition.getBeanType().getSimpleName() + ":" + e.getClass().getSimpleName());
      }
    }
    return failed;
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    forgetPerEnvironmentState();
    LOG.info("snapstart: restored; credentials and randomness renewed");
  }

  /** Runs every primer once; a failure is recorded by its type, never its message. */
  public PrimingReport prime() {
    List<String> primed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (BeanDefinition<Primer> definition : beans.getBeanDefinitions(Primer.class)) {
      String name =
          definition.stringValue(Named.class).orElse(definition.getBeanType().getSimpleName());
      try {
        Primer primer = beans.getBean(definition);
        name = primer.name();
        primer.prime();
        primed.add(name);
      } catch (RuntimeException e) {
        failed.add(name + ":" + e.getClass().getSimpleName());
      }
    }
    return new PrimingReport(primed, failed);
  }

  private void forgetPerEnvironmentState() {
    credentials.refresh();
    reseedables.forEach(Reseedable::reseed);
  }

  /**
   * @param primed names of the primers that completed
   * @param failed {@code name:ExceptionType} of those that threw
   */
  public record PrimingReport(List<String> primed, List<String> failed) {
    public PrimingReport {
      primed = List.copyOf(primed);
      failed = List.copyOf(failed);
    }
  }
}
