package dev.sparkk8s.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What a run keeps secret (keys, tokens): files only the user can read, and the random values they hold. */
final class OwnerOnlyFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OwnerOnlyFiles() {
  }

  /** A new empty file (any old one removed) that only the user may read and write, made so before it holds anything. */
  static Path create(Path file) throws IOException {
    Files.deleteIfExists(file);
    return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
  }

  static void write(Path file, String content) throws IOException {
    Files.writeString(create(file), content);
  }

  /** A random value of {@code bytes} bytes, in hex. */
  static String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
