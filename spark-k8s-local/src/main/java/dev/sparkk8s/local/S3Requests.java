package dev.sparkk8s.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The few S3 requests the local runtime makes itself (does a bucket answer, create a bucket), signed
 * with AWS Signature Version 4 as S3A signs its own, path-style or virtual-host style. Bounded by
 * short timeouts: a check must fail within seconds, not hang.
 */
final class S3Requests {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

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

  private final URI endpoint;
  private final String region;
  private final boolean pathStyle;
  private final S3Credentials credentials;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
      .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

  /** @param credentials null for anonymous requests */
  S3Requests(URI endpoint, String region, boolean pathStyle, S3Credentials credentials) {
    this.endpoint = endpoint;
    this.region = region;
    this.pathStyle = pathStyle;
    this.credentials = credentials;
  }

  /**
   * ListObjects of at most one key: 200 when the bucket exists and the keys may read it. (GetBucketLocation
   * would not do: S3Proxy answers it for a bucket that does not exist.)
   */
  Answer listOne(String bucket) throws UnreachableException {
    return send("GET", bucket, "max-keys=1");
  }

  /** CreateBucket, in the endpoint's default region. */
  Answer createBucket(String bucket) throws UnreachableException {
    return send("PUT", bucket, "");
  }

  private Answer send(String method, String bucket, String canonicalQuery) throws UnreachableException {
    String host = pathStyle ? hostHeader(endpoint) : bucket + "." + hostHeader(endpoint);
    String path = pathStyle ? "/" + bucket : "/";
    URI uri = URI.create(endpoint.getScheme() + "://" + host + path + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (credentials != null) {
      String date = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
      request.header("x-amz-date", date).header("x-amz-content-sha256", EMPTY_SHA256)
          .header("Authorization", authorization(method, host, path, canonicalQuery, date));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), first(CODE, response.body()), first(MESSAGE, response.body()));
    } catch (IOException e) {
      String why = e.getClass().getSimpleName() + (e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage());
      throw new UnreachableException(why, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted", e);
    }
  }

  private String authorization(String method, String host, String path, String query, String date) {
    String day = date.substring(0, 8);
    String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
    String canonical = String.join("\n", method, path, query, "host:" + host, "x-amz-content-sha256:" + EMPTY_SHA256,
        "x-amz-date:" + date, "", signedHeaders, EMPTY_SHA256);
    String scope = day + "/" + region + "/s3/aws4_request";
    String toSign = String.join("\n", "AWS4-HMAC-SHA256", date, scope, hex(sha256(canonical)));
    byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(hmac(hmac(key, region), "s3"), "aws4_request");
    return "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/" + scope + ", SignedHeaders=" + signedHeaders
        + ", Signature=" + hex(hmac(key, toSign));
  }

  /** The Host header Java's client sends: the port only when the URI names one. */
  private static String hostHeader(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static String first(Pattern p, String body) {
    Matcher m = p.matcher(body == null ? "" : body);
    return m.find() ? m.group(1) : "";
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
