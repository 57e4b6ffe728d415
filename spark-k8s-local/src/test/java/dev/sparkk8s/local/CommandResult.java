package dev.sparkk8s.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A command run to its end from /tmp, with its exit code and its output (stdout and stderr together). */
record CommandResult(int exit, String output) {

  static CommandResult run(List<String> command) throws IOException, InterruptedException {
    return run(command, Map.of());
  }

  static CommandResult run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(new File("/tmp"));
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new CommandResult(p.waitFor(), output);
  }
}
