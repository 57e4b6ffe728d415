package dev.sparkk8s.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out local TCP ports: the one asked for when it is free, else a free one. A platform that
 * may run next to another one (a test kit's) takes ephemeral ports only: two JVMs that each check
 * a port and release it before their process binds it can both be handed the same preferred port,
 * while the kernel does not hand the same ephemeral port to both.
 */
final class LocalPorts {

  private final Set<Integer> handedOut = new HashSet<>();
  private final boolean preferContainerPorts;

  private LocalPorts(boolean preferContainerPorts) {
    this.preferContainerPorts = preferContainerPorts;
  }

  /** Ports a user recognises: the container's own port number when it is free. */
  static LocalPorts preferringContainerPorts() {
    return new LocalPorts(true);
  }

  /** Ephemeral ports only, whatever the container's port number. */
  static LocalPorts ephemeral() {
    return new LocalPorts(false);
  }

  /** The preferred port if this prefers container ports, nothing listens there and it was not handed out yet, else a free port. */
  int near(int preferred) {
    if (preferContainerPorts && !handedOut.contains(preferred) && isFree(preferred)) {
      handedOut.add(preferred);
      return preferred;
    }
    return any();
  }

  /** Exactly this port; the user asked for it, so a taken port is an error. */
  int exactly(int port, String option) {
    if (handedOut.contains(port) || !isFree(port)) {
      throw new LocalInputException(option + " " + port + ": the port is in use; choose another or stop what uses it");
    }
    handedOut.add(port);
    return port;
  }

  int any() {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = s.getLocalPort();
        if (handedOut.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new LocalRuntimeException("cannot find a free local port: " + e.getMessage(), e);
      }
    }
    throw new LocalRuntimeException("cannot find a free local port");
  }

  static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
