package dev.keyturn.snapstart;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.crac.CracContextProvider;
import io.micronaut.crac.GlobalCracContextProvider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.crac.CheckpointException;
import org.crac.Context;
import org.crac.Resource;
import org.crac.RestoreException;

/**
 * Stands in for the JVM's global CRaC context (property {@code snapstart-test.crac=recording}):
 * micronaut-crac registers the context's resources here at startup, as it does with Lambda's, and a
 * test fires the checkpoint the way the runtime does, through the context.
 */
@Singleton
@Replaces(GlobalCracContextProvider.class)
@Requires(property = "snapstart-test.crac", value = "recording")
class RecordingCracContext implements CracContextProvider {

  private final Recorded context = new Recorded();

  @Override
  public Context<Resource> provideContext() {
    return context;
  }

  /** What the runtime notifies before the snapshot and after a restore. */
  Context<Resource> context() {
    return context;
  }

  List<Resource> registered() {
    return List.copyOf(context.resources);
  }

  private static final class Recorded extends Context<Resource> {
    private final List<Resource> resources = new ArrayList<>();

    @Override
    public void register(Resource resource) {
      resources.add(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> ignored) throws CheckpointException {
      for (Resource resource : resources.reversed()) {
        try {
          resource.beforeCheckpoint(this);
        } catch (Exception e) {
          CheckpointException failure = new CheckpointException();
          failure.addSuppressed(e);
          throw failure;
        }
      }
    }

    @Override
    public void afterRestore(Context<? extends Resource> ignored) throws RestoreException {
      for (Resource resource : resources) {
        try {
          resource.afterRestore(this);
        } catch (Exception e) {
          RestoreException failure = new RestoreException();
          failure.addSuppressed(e);
          throw failure;
        }
      }
    }
  }
}
