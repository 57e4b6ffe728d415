package dev.sparkk8s.jobs.testing;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** YAML documents under the test resources, read as fabric8 objects. */
public final class Documents {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Documents() {
  }

  public static <T> T read(String resource, Class<T> type) {
    return SERIALIZATION.unmarshal(text(resource), type);
  }

  public static String text(String resource) {
    try (InputStream in = Documents.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
