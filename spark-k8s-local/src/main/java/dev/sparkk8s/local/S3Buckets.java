package dev.sparkk8s.local;

import java.net.URI;
import java.util.List;

/**
 * The buckets a release names, before any Spark process starts: created on the run's embedded server,
 * only checked on a user's endpoint (never created there). A bucket that cannot be used fails {@code up}
 * at once, in one line naming the endpoint, the bucket and what S3 answered, instead of a Connect server
 * or History Server that dies minutes later deep in a stack trace.
 */
final class S3Buckets {

  private final String endpoint;
  private final S3Settings s3;
  private final S3Credentials credentials;

  /**
   * @param credentials null when the processes use their own identity (IRSA, an instance profile): the
   *                    requests then go unsigned, and a 403 says nothing about what those processes may do
   */
  S3Buckets(String endpoint, S3Settings s3, S3Credentials credentials) {
    this.endpoint = endpoint;
    this.s3 = s3;
    this.credentials = credentials;
  }

  /** Creates the buckets that do not exist yet (the embedded server's own). */
  void create(List<String> buckets) {
    try (S3Requests requests = requests()) {
      create(requests, buckets);
    }
    require(buckets);
  }

  private void create(S3Requests requests, List<String> buckets) {
    for (String bucket : buckets) {
      S3Requests.Answer location = answer(bucket, () -> requests.listOne(bucket));
      if (location.status() == 404) {
        S3Requests.Answer created = answer(bucket, () -> requests.createBucket(bucket));
        if (!created.ok()) {
          throw problem(bucket, "cannot create it: S3 answered " + created.describe());
        }
      }
    }
  }

  /** Fails, as bad input, on the first bucket S3 does not let these keys use. */
  void require(List<String> buckets) {
    try (S3Requests requests = requests()) {
      require(requests, buckets);
    }
  }

  private void require(S3Requests requests, List<String> buckets) {
    for (String bucket : buckets) {
      S3Requests.Answer answer = answer(bucket, () -> requests.listOne(bucket));
      if (!answer.ok() && !(credentials == null && answer.status() == 403)) {
        String meaning = switch (answer.status()) {
          case 403 -> " (are the access keys right?)";
          case 404 -> " (the bucket does not exist; create it first: up --local creates buckets on its own S3 server only)";
          case 301, 307 -> " (the bucket is in another region than spark.s3.region)";
          default -> "";
        };
        throw problem(bucket, "S3 answered " + answer.describe() + meaning);
      }
    }
  }

  private S3Requests requests() {
    return new S3Requests(URI.create(endpoint), s3.region(), s3.pathStyle(), credentials);
  }

  private interface Request {
    S3Requests.Answer send() throws S3Requests.UnreachableException;
  }

  private S3Requests.Answer answer(String bucket, Request request) {
    try {
      return request.send();
    } catch (S3Requests.UnreachableException e) {
      throw problem(bucket, "unreachable: " + e.getMessage());
    }
  }

  private LocalInputException problem(String bucket, String what) {
    return new LocalInputException("S3 at " + endpoint + ", bucket " + bucket + ": " + what);
  }
}
