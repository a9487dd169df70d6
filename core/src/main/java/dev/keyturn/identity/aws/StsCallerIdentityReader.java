package dev.keyturn.identity.aws;

import dev.keyturn.identity.CallerIdentity;
import dev.keyturn.identity.CallerIdentityReader;
import dev.keyturn.identity.CallerUnknownException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The STS adapter: {@code GetCallerIdentity}, which needs no IAM permission and answers with the
 * principal the request was signed as (a Lambda function's role session, an operator's user or
 * assumed role).
 */
public final class StsCallerIdentityReader implements CallerIdentityReader {

  private final StsClient sts;

  public StsCallerIdentityReader(StsClient sts) {
    this.sts = sts;
  }

  @Override
  public CallerIdentity current() {
    try {
      GetCallerIdentityResponse r = sts.getCallerIdentity();
      return new CallerIdentity(r.arn(), r.account(), r.userId());
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      throw new CallerUnknownException(code == null ? e.getClass().getSimpleName() : code, e);
    } catch (SdkException e) {
      throw new CallerUnknownException(e.getClass().getSimpleName(), e);
    }
  }
}
