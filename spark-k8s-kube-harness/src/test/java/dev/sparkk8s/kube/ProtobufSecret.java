package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Secret in the API server's protobuf encoding (k8s.io/api core/v1 generated.proto), as Helm's release storage (client-go) sends it: the mock reads JSON only. */
final class ProtobufSecret {
  private static final byte[] MAGIC = {'k', '8', 's', 0};

  static boolean isProtobuf(byte[] body) {
    return body.length >= 4 && body[0] == MAGIC[0] && body[1] == MAGIC[1] && body[2] == MAGIC[2] && body[3] == 0;
  }

  static Secret decode(byte[] body) {
    Wire unknown = new Wire(ByteBuffer.wrap(body, 4, body.length - 4).slice());
    byte[] raw = null;
    while (unknown.more()) {
      int field = unknown.tag();
      if (field == 2) raw = unknown.bytes(); else unknown.skip();
    }
    Wire secret = new Wire(ByteBuffer.wrap(raw));
    SecretBuilder builder = new SecretBuilder();
    Map<String, String> data = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    while (secret.more()) {
      int field = secret.tag();
      switch (field) {
        case 1 -> {
          Wire meta = new Wire(ByteBuffer.wrap(secret.bytes()));
          while (meta.more()) {
            int f = meta.tag();
            switch (f) {
              case 1 -> builder.editOrNewMetadata().withName(meta.string()).endMetadata();
              case 3 -> builder.editOrNewMetadata().withNamespace(meta.string()).endMetadata();
              case 6 -> builder.editOrNewMetadata().withResourceVersion(meta.string()).endMetadata();
              case 11 -> { String[] e = meta.entry(); labels.put(e[0], e[1]); }
              default -> meta.skip();
            }
          }
        }
        case 2 -> { Wire e = new Wire(ByteBuffer.wrap(secret.bytes())); String k = null; byte[] v = new byte[0];
          while (e.more()) { int f = e.tag(); if (f == 1) k = e.string(); else if (f == 2) v = e.bytes(); else e.skip(); }
          data.put(k, Base64.getEncoder().encodeToString(v)); }
        case 3 -> builder.withType(secret.string());
        default -> secret.skip();
      }
    }
    return builder.editOrNewMetadata().withLabels(labels).endMetadata().withData(data).build();
  }

  private static final class Wire {
    private final ByteBuffer in;
    private int wireType;
    Wire(ByteBuffer in) { this.in = in; }
    boolean more() { return in.hasRemaining(); }
    int tag() { long t = varint(); wireType = (int) (t & 7); return (int) (t >>> 3); }
    long varint() { long v = 0; int shift = 0; byte b; do { b = in.get(); v |= (long) (b & 0x7f) << shift; shift += 7; } while (b < 0); return v; }
    byte[] bytes() { byte[] b = new byte[(int) varint()]; in.get(b); return b; }
    String string() { return new String(bytes(), StandardCharsets.UTF_8); }
    String[] entry() { Wire e = new Wire(ByteBuffer.wrap(bytes())); String k = "", v = "";
      while (e.more()) { int f = e.tag(); if (f == 1) k = e.string(); else if (f == 2) v = e.string(); else e.skip(); }
      return new String[] {k, v}; }
    void skip() {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> in.position(in.position() + 8);
        case 2 -> { int length = (int) varint(); in.position(in.position() + length); }
        case 5 -> in.position(in.position() + 4);
        default -> throw new IllegalStateException("wire type " + wireType);
      }
    }
  }
}
