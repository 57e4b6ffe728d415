package dev.sparkk8s.local;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The few S3 requests the local runtime makes itself (does a bucket answer, create a bucket), with the AWS SDK's
 * S3 client as S3A's own, path-style or virtual-host style. Bounded by short timeouts and no retries: a check must
 * fail within seconds, not hang.
 */
final class S3Requests implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** What S3 answered: an HTTP status, and for an error its S3 code and message (either may be empty). */
  record Answer(int status, String code, String message) {

    boolean ok() {
      return status / 100 == 2;
    }

    /** E.g. {@code 403 InvalidAccessKeyId (The AWS Access Key Id you provided does not exist in our records.)}. */
    String describe() {
      return status + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : " (" + message + ")");
    }
  }

  /** S3 did not answer at all: refused, timed out, unknown host. */
  static final class UnreachableException extends IOException {
    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final S3Client s3;

  /** @param credentials null for anonymous requests */
  S3Requests(URI endpoint, String region, boolean pathStyle, S3Credentials credentials) {
    AwsCredentialsProvider identity = credentials == null ? AnonymousCredentialsProvider.create()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(credentials.accessKeyId(),
            credentials.secretAccessKey()));
    this.s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(region)).forcePathStyle(pathStyle)
        .credentialsProvider(identity)
        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(REQUEST_TIMEOUT))
        .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1))
            .apiCallTimeout(REQUEST_TIMEOUT.multipliedBy(2)))
        .build();
  }

  /**
   * ListObjects of at most one key: 200 when the bucket exists and the keys may read it. (GetBucketLocation
   * would not do: S3Proxy answers it for a bucket that does not exist.)
   */
  Answer listOne(String bucket) throws UnreachableException {
    return send(() -> s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(1)).sdkHttpResponse().statusCode());
  }

  /** CreateBucket, in the endpoint's default region. */
  Answer createBucket(String bucket) throws UnreachableException {
    return send(() -> s3.createBucket(r -> r.bucket(bucket)).sdkHttpResponse().statusCode());
  }

  @Override
  public void close() {
    s3.close();
  }

  private interface Call {
    int status();
  }

  private static Answer send(Call call) throws UnreachableException {
    try {
      return new Answer(call.status(), "", "");
    } catch (S3Exception e) {
      return new Answer(e.statusCode(), e.awsErrorDetails() == null ? "" : nonNull(e.awsErrorDetails().errorCode()),
          e.awsErrorDetails() == null ? "" : nonNull(e.awsErrorDetails().errorMessage()));
    } catch (SdkServiceException e) {
      return new Answer(e.statusCode(), "", nonNull(e.getMessage()));
    } catch (SdkClientException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String why = cause.getClass().getSimpleName() + (cause.getMessage() == null || cause.getMessage().isBlank() ? ""
          : ": " + cause.getMessage());
      throw new UnreachableException(why, e);
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
