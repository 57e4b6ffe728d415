package dev.sparkk8s.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** The Standalone master web UI's {@code /json/}: its workers, applications and counts. */
final class MasterJson {

  private MasterJson() {
  }

  /** The master's {@code /json/}, or null while it does not answer. */
  static JsonNode of(String masterUi) {
    try (InputStream in = URI.create(masterUi + "/json/").toURL().openStream()) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      return null;
    }
  }
}
