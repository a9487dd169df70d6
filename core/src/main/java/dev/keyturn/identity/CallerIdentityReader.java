package dev.keyturn.identity;

/**
 * Asks AWS who this process is (the credentials' principal), as opposed to a self-asserted name.
 */
public interface CallerIdentityReader {

  /**
   * @throws CallerUnknownException when AWS cannot be asked or refuses the credentials
   */
  CallerIdentity current();
}
