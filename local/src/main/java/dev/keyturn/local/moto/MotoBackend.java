package dev.keyturn.local.moto;

import dev.keyturn.local.LocalAws;
import dev.keyturn.local.LocalAwsBackend;
import java.nio.file.Path;

/** {@code KEYTURN_LOCAL_AWS=moto} (the default): {@link MotoLocalAws}. */
public final class MotoBackend implements LocalAwsBackend {

  @Override
  public String name() {
    return MotoLocalAws.NAME;
  }

  @Override
  public LocalAws start(Path logDirectory) {
    return MotoLocalAws.start(logDirectory);
  }
}
