package dev.sparkk8s.kube;

import java.security.SecureRandom;

/** The random five characters a controller appends to the names of the pods it creates, as Kubernetes makes them. */
final class GeneratedNames {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private GeneratedNames() {
  }

  /** {@code owner-xxxxx}. */
  static String of(String owner) {
    StringBuilder s = new StringBuilder(owner).append('-');
    for (int i = 0; i < 5; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
