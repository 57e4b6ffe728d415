package dev.sparkk8s.local;

import java.security.SecureRandom;

/** An S3 access key pair. Its {@code toString} shows the key id only: the secret is never printed. */
public record S3Credentials(String accessKeyId, String secretAccessKey) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** New keys, in the shape AWS gives them (a 20-character id, a 40-character secret). */
  public static S3Credentials random() {
    return new S3Credentials(randomString(ID_CHARS, 20), randomString(SECRET_CHARS, 40));
  }

  private static String randomString(String alphabet, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
  }
}
