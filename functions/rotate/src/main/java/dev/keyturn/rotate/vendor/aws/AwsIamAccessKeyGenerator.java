package dev.keyturn.rotate.vendor.aws;

import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorFailedException;
import dev.keyturn.rotate.generator.GeneratorOptions;
import dev.keyturn.rotate.generator.SecretGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code aws-iam-access-key} ({@code generator: {type: aws-iam-access-key, user: <iam user>}}): an
 * access key of one IAM user. AWS issues keys (see {@link IamAccessKeys}), so this generator only
 * validates the options and checks the shape of values; {@link #generate} always fails.
 */
public final class AwsIamAccessKeyGenerator implements SecretGenerator {

  public static final String TYPE = "aws-iam-access-key";
  static final String USER = "user";

  /** IAM's constraint on user names. */
  private static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<String> validate(Map<String, String> options) {
    return read(options).problems();
  }

  /** The IAM user whose keys rotate. */
  static String user(Map<String, String> options) {
    GeneratorOptions read = read(options);
    read.requireValid(TYPE);
    return read.text(USER, null);
  }

  private static GeneratorOptions read(Map<String, String> options) {
    GeneratorOptions read = new GeneratorOptions(options, Set.of(USER));
    String user = read.text(USER, null);
    if (user == null) {
      read.problem("option '" + USER + "' is required: the IAM user whose access keys rotate");
    } else if (!USER_NAME.matcher(user).matches()) {
      read.problem("option '" + USER + "' is not an IAM user name");
    }
    return read;
  }

  /**
   * @throws GeneratorFailedException always: AWS issues the key during createSecret
   */
  @Override
  public String generate(GenerationRequest request) {
    throw new GeneratorFailedException(TYPE, "AWS IAM issues access keys during createSecret");
  }

  @Override
  public void checkWellFormed(String value, Map<String, String> options) {
    read(options).requireValid(TYPE);
    AccessKeyCredential.parse(value);
  }
}
