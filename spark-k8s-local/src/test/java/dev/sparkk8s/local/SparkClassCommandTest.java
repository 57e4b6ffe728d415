package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Spark's launcher is read on both pipes at once: a long stderr must not block its stdout. (Read one after
 * the other, both processes wait on each other for ever; the separate thread lets the timeout fail the test.)
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkClassCommandTest {

  @Test
  void aLauncherThatWritesMoreThanAPipeHoldsToStderrStillAnswers() {
    SparkHome home = SparkHome.built("4.1");
    List<String> args = new ArrayList<>(List.of("org.example.Main"));
    for (int i = 0; i < 2000; i++) {
      args.add("argument-" + i + "-" + "x".repeat(40));
    }
    Map<String, String> env = new HashMap<>(home.env());
    // The launcher then prints the whole command (here over 100 KB) to stderr before answering on stdout.
    env.put("SPARK_PRINT_LAUNCH_COMMAND", "1");

    List<String> command = SparkClassCommand.of(home, args, env);

    assertThat(command.get(0)).isEqualTo(SparkClassCommand.javaBinary());
    assertThat(command).endsWith(args.toArray(String[]::new));
  }
}
