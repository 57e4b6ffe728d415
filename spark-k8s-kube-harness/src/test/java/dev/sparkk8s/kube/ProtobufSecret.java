package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Secret in the API server's protobuf encoding, as Helm's release storage (client-go) sends it; the mock reads JSON
 * only. The envelope is {@code k8s\0} and a {@code runtime.Unknown} whose field 2 holds the Secret
 * (k8s.io/api core/v1 generated.proto: metadata 1 with name 1, namespace 3, resourceVersion 6, labels 11; data 2;
 * type 3).
 */
final class ProtobufSecret {

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private ProtobufSecret() {
  }

  static boolean isProtobuf(byte[] body) {
    return body.length >= MAGIC.length && body[0] == MAGIC[0] && body[1] == MAGIC[1] && body[2] == MAGIC[2]
        && body[3] == MAGIC[3];
  }

  static Secret decode(byte[] body) {
    Wire unknown = new Wire(ByteBuffer.wrap(body, MAGIC.length, body.length - MAGIC.length).slice());
    byte[] raw = new byte[0];
    while (unknown.more()) {
      if (unknown.tag() == 2) {
        raw = unknown.bytes();
      } else {
        unknown.skip();
      }
    }
    Wire secret = new Wire(ByteBuffer.wrap(raw));
    SecretBuilder builder = new SecretBuilder().withNewMetadata().endMetadata();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> data = new LinkedHashMap<>();
    while (secret.more()) {
      switch (secret.tag()) {
        case 1 -> readMetadata(new Wire(ByteBuffer.wrap(secret.bytes())), builder, labels);
        case 2 -> {
          Map.Entry<String, byte[]> entry = new Wire(ByteBuffer.wrap(secret.bytes())).entry();
          data.put(entry.getKey(), Base64.getEncoder().encodeToString(entry.getValue()));
        }
        case 3 -> builder.withType(secret.string());
        default -> secret.skip();
      }
    }
    return builder.editMetadata().withLabels(labels).endMetadata().withData(data).build();
  }

  private static void readMetadata(Wire metadata, SecretBuilder builder, Map<String, String> labels) {
    while (metadata.more()) {
      switch (metadata.tag()) {
        case 1 -> builder.editMetadata().withName(metadata.string()).endMetadata();
        case 3 -> builder.editMetadata().withNamespace(metadata.string()).endMetadata();
        case 6 -> builder.editMetadata().withResourceVersion(metadata.string()).endMetadata();
        case 11 -> {
          Map.Entry<String, byte[]> label = new Wire(ByteBuffer.wrap(metadata.bytes())).entry();
          labels.put(label.getKey(), new String(label.getValue(), StandardCharsets.UTF_8));
        }
        default -> metadata.skip();
      }
    }
  }

  /** Protocol buffers' wire format: varint tags and lengths, length-delimited fields. */
  private static final class Wire {

    private final ByteBuffer in;
    private int wireType;

    Wire(ByteBuffer in) {
      this.in = in;
    }

    boolean more() {
      return in.hasRemaining();
    }

    /** The next field's number. */
    int tag() {
      long tag = varint();
      wireType = (int) (tag & 7);
      return (int) (tag >>> 3);
    }

    byte[] bytes() {
      byte[] bytes = new byte[(int) varint()];
      in.get(bytes);
      return bytes;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** A map entry: key 1, value 2. */
    Map.Entry<String, byte[]> entry() {
      String key = "";
      byte[] value = new byte[0];
      while (more()) {
        switch (tag()) {
          case 1 -> key = string();
          case 2 -> value = bytes();
          default -> skip();
        }
      }
      return Map.entry(key, value);
    }

    void skip() {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> in.position(in.position() + 8);
        case 2 -> {
          int length = (int) varint();
          in.position(in.position() + length);
        }
        case 5 -> in.position(in.position() + 4);
        default -> throw new IllegalStateException("protobuf wire type " + wireType + " not expected in a Secret");
      }
    }

    private long varint() {
      long value = 0;
      int shift = 0;
      byte b;
      do {
        b = in.get();
        value |= (long) (b & 0x7f) << shift;
        shift += 7;
      } while (b < 0);
      return value;
    }
  }
}
