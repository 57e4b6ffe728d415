package dev.sparkk8s.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The TCP sockets processes listen on, read from Linux's {@code /proc/net/tcp{,6}} and the processes' descriptors. */
final class ListeningSockets {

  /** One listening socket: its address as {@code /proc} gives it, decoded, its port, and the process that has it. */
  record Socket(String address, int port, long pid) {

    boolean loopback() {
      return address.equals("127.0.0.1") || address.equals("::ffff:127.0.0.1") || address.equals("::1");
    }

    @Override
    public String toString() {
      return address + ":" + port + " (pid " + pid + ")";
    }
  }

  private ListeningSockets() {
  }

  /** Every listening socket of these processes and their descendants. */
  static List<Socket> of(List<ProcessHandle> processes) throws IOException {
    Map<String, Long> inodes = new HashMap<>();
    for (ProcessHandle root : processes) {
      for (ProcessHandle p : Stream.concat(Stream.of(root), root.descendants()).toList()) {
        Path fds = Path.of("/proc", Long.toString(p.pid()), "fd");
        try (Stream<Path> list = Files.list(fds)) {
          list.forEach(fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.put(target.substring(8, target.length() - 1), p.pid());
              }
            } catch (IOException e) {
              // a descriptor closed meanwhile
            }
          });
        } catch (IOException e) {
          // a process that ended meanwhile
        }
      }
    }
    List<Socket> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
        String[] f = line.trim().split("\\s+");
        if (f[3].equals("0A") && inodes.containsKey(f[9])) {
          String[] local = f[1].split(":");
          out.add(new Socket(address(local[0]), Integer.parseInt(local[1], 16), inodes.get(f[9])));
        }
      }
    }
    return out;
  }

  /** A {@code /proc/net} address: 4 or 16 bytes in 32-bit little-endian words. */
  static String address(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int word = 0; word < b.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        b[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
      }
    }
    if (b.length == 4) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[i] == 0;
    }
    mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    if (mapped) {
      return "::ffff:" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 16; i += 2) {
      s.append(i == 0 ? "" : ":").append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)));
    }
    String full = s.toString();
    return full.equals("0:0:0:0:0:0:0:0") ? "::" : full.equals("0:0:0:0:0:0:0:1") ? "::1" : full;
  }
}
