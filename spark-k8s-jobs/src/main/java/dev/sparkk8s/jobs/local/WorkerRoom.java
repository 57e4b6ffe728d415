package dev.sparkk8s.jobs.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the local platform's workers have room for a job now: its driver and one executor, in cores and memory,
 * as the master counts them. The Connect server's executors hold the cores they were given for as long as it runs,
 * so a job that does not fit would wait for good: it is refused, naming the values that make room.
 */
final class WorkerRoom {

  private static final Pattern SIZE = Pattern.compile("([0-9]+)([kmgt]?)b?");
  private static final Map<String, Long> KIB = Map.of("k", 1L, "", 1024L, "m", 1024L, "g", 1024L * 1024,
      "t", 1024L * 1024 * 1024);

  private WorkerRoom() {
  }

  static void require(String masterUi, Map<String, String> conf) {
    int cores = number(conf, "spark.driver.cores", 1) + number(conf, "spark.executor.cores", 1);
    long memory = mib(conf, "spark.driver.memory") + mib(conf, "spark.executor.memory");
    int freeCores = 0;
    long freeMemory = 0;
    for (JsonNode worker : MasterDrivers.read(masterUi).path("workers")) {
      if (worker.path("state").asText().equals("ALIVE")) {
        freeCores += worker.path("coresfree").asInt();
        freeMemory += worker.path("memoryfree").asLong();
      }
    }
    if (freeCores < cores || freeMemory < memory) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "the local platform's workers have " + freeCores
          + " cores and " + freeMemory + " MiB free, a job's driver and executor need " + cores + " and " + memory
          + " MiB: start it with room for jobs, e.g. --set spark.standalone.worker.cores=" + (cores + 2)
          + " --set spark.standalone.worker.memory=" + (memory / 1024 + 2) + "g");
    }
  }

  private static int number(Map<String, String> conf, String key, int otherwise) {
    String value = conf.get(key);
    return value == null ? otherwise : Integer.parseInt(value.strip());
  }

  /** Spark's size in MiB (a bare number is MiB, as for spark.driver.memory); 1 GiB when unset, Spark's default. */
  private static long mib(Map<String, String> conf, String key) {
    String value = conf.getOrDefault(key, "1g").strip().toLowerCase(Locale.ROOT);
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, key + " " + value + " is not a Spark size");
    }
    return Long.parseLong(m.group(1)) * KIB.get(m.group(2)) / 1024;
  }
}
