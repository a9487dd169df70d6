package dev.keyturn.rotate.protocol;

import static dev.keyturn.rotate.protocol.RotationStep.CREATE_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.SET_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.TEST_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.vendor.Vendor;
import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.secrets.Stages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A vendor that accepts values keyturn generates (a database user, say). */
class AcceptingVendorRotationTest {

  /** One account whose password is whatever was applied last; the current one authenticates. */
  private static final class DatabaseUser implements Vendor {
    String password;
    int applied;

    DatabaseUser(String password) {
      this.password = password;
    }

    @Override
    public String generatorType() {
      return "random-password";
    }

    @Override
    public boolean issuesValues() {
      return false;
    }

    @Override
    public String apply(String secretName, String currentValue, String pendingValue) {
      if (!password.equals(currentValue) && !password.equals(pendingValue)) {
        throw new VendorCallException("db", "alter-user", 401, "auth");
      }
      password = pendingValue;
      applied++;
      return pendingValue;
    }

    @Override
    public void prove(String secretName, String value) {
      if (!password.equals(value)) {
        throw new VendorCallException("db", "login", 401, "auth");
      }
    }
  }

  private static final String FIRST = "first-password-0123456789";

  private final DatabaseUser db = new DatabaseUser(FIRST);
  private final RotationFixture f =
      new RotationFixture(
          Entries.secretsManager("RX_DB", "keyturn/prod/db", "random-password", Map.of()),
          FIRST,
          List.of(db));

  @Test
  void createSecret_generates_andSetSecret_appliesThePendingValueAtTheVendor() {
    String token = f.secrets.startRotation();

    assertThat(f.run(CREATE_SECRET, token).outcome()).isEqualTo("created");
    assertThat(f.run(SET_SECRET, token).outcome()).isEqualTo("applied");

    assertThat(db.password.equals(f.secrets.valueOf(token).orElseThrow())).isTrue();
    assertThat(f.run(TEST_SECRET, token).outcome()).isEqualTo("proven-at-vendor");
  }

  @Test
  void setSecret_twice_appliesTheSameValue_andStillWorks() {
    String token = f.secrets.startRotation();
    f.run(CREATE_SECRET, token);

    f.run(SET_SECRET, token);
    f.run(SET_SECRET, token);

    assertThat(db.applied).isEqualTo(2);
    f.run(TEST_SECRET, token);
    f.run(RotationStep.FINISH_SECRET, token);
    assertThat(f.secrets.versionWith(Stages.CURRENT)).contains(token);
  }

  @Test
  void setSecret_withoutAPendingValue_fails() {
    String token = f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(SET_SECRET, token))
        .isInstanceOf(PendingValueMissingException.class);
    assertThat(db.applied).isZero();
  }
}
