package dev.keyturn.evidence.aws;

import dev.keyturn.evidence.EvidenceKeyException;
import dev.keyturn.evidence.Signatures;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * The KMS adapter: {@code kms:Sign} with an asymmetric key (RSASSA-PSS or ECDSA, SHA-256 first) and
 * {@code kms:GetPublicKey}. The message is signed RAW (it is short: a digest statement), which
 * every KMS implementation supports.
 */
public final class KmsSignatures implements Signatures {

  /** Preferred first; a key offers a subset. */
  static final List<SigningAlgorithmSpec> PREFERRED =
      List.of(
          SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
          SigningAlgorithmSpec.ECDSA_SHA_256,
          SigningAlgorithmSpec.ECDSA_SHA_384,
          SigningAlgorithmSpec.ECDSA_SHA_512,
          SigningAlgorithmSpec.RSASSA_PSS_SHA_384,
          SigningAlgorithmSpec.RSASSA_PSS_SHA_512);

  private final KmsClient kms;

  public KmsSignatures(KmsClient kms) {
    this.kms = kms;
  }

  @Override
  public SigningKey key(String keyId) {
    KeyMetadata key = describe(keyId);
    if (key.keyUsage() != KeyUsageType.SIGN_VERIFY) {
      throw new EvidenceKeyException(
          "KMS key " + keyId + " cannot sign (key usage " + key.keyUsageAsString() + ")");
    }
    SigningAlgorithmSpec algorithm =
        PREFERRED.stream()
            .filter(key.signingAlgorithms()::contains)
            .findFirst()
            .orElseThrow(() ->
                new EvidenceKeyException(
                    "KMS key "
                        + keyId
                        + " offers no RSASSA-PSS or ECDSA signing algorithm: "
                        + key.signingAlgorithmsAsStrings()));
    return new SigningKey(key.arn(), algorithm.toString());
  }

  @Override
  public byte[] sign(SigningKey key, byte[] message) {
    try {
      SignResponse r =
          kms.sign(b ->
              b.keyId(key.arn())
                  .message(SdkBytes.fromByteArray(message))
                  .messageType(MessageType.RAW)
                  .signingAlgorithm(key.algorithm()));
      return r.signature().asByteArray();
    } catch (AwsServiceException e) {
      throw refused(key.arn(), "kms:Sign", e);
    }
  }

  @Override
  public byte[] publicKey(String keyId) {
    try {
      return kms.getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray();
    } catch (AwsServiceException e) {
      throw refused(keyId, "kms:GetPublicKey", e);
    }
  }

  private KeyMetadata describe(String keyId) {
    try {
      return kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
    } catch (AwsServiceException e) {
      throw refused(keyId, "kms:DescribeKey", e);
    }
  }

  private static EvidenceKeyException refused(String keyId, String call, AwsServiceException e) {
    String code =
        e.awsErrorDetails() == null
            ? e.getClass().getSimpleName()
            : e.awsErrorDetails().errorCode();
    return new EvidenceKeyException(call + " of " + keyId + " failed (" + code + ")", e);
  }
}
