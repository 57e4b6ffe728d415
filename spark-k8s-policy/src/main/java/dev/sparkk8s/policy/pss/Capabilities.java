package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.source.ContainerSite;
import java.util.List;

/** The capabilities a container adds and drops. */
public final class Capabilities {

  private Capabilities() {
  }

  public static List<String> added(ContainerSite c) {
    return c.security().map(s -> s.getCapabilities()).map(k -> k.getAdd()).orElse(List.of());
  }

  public static List<String> dropped(ContainerSite c) {
    return c.security().map(s -> s.getCapabilities()).map(k -> k.getDrop()).orElse(List.of());
  }
}
