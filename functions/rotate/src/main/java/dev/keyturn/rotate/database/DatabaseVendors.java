package dev.keyturn.rotate.database;

import dev.keyturn.rotate.generator.SecretGenerator;
import dev.keyturn.rotate.generator.password.RandomPasswordPort;
import dev.keyturn.rotate.vendor.Vendor;
import java.util.Arrays;
import java.util.List;

/** The six database types: their generators (createSecret) and vendors (setSecret, testSecret). */
public record DatabaseVendors(List<Vendor> vendors) {

  public DatabaseVendors {
    vendors = List.copyOf(vendors);
  }

  /**
   * One vendor per type, over {@code engines}; alternating users read masters via {@code masters}.
   */
  public static DatabaseVendors of(DatabaseEngines engines, MasterSecrets masters) {
    return new DatabaseVendors(
        Arrays.stream(DatabaseType.values())
            .<Vendor>map(type -> new DatabaseVendor(type, engines, masters))
            .toList());
  }

  /** One generator per type, drawing passwords from {@code passwords}. */
  public static List<SecretGenerator> generators(RandomPasswordPort passwords) {
    return Arrays.stream(DatabaseType.values())
        .<SecretGenerator>map(type -> new DatabaseCredentialGenerator(type, passwords))
        .toList();
  }
}
