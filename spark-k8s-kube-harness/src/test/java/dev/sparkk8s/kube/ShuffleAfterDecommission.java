package dev.sparkk8s.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.connect.SparkSession;

/**
 * A shuffle, and what becomes of its blocks when executors are decommissioned, checked through one
 * Connect session, the driver's REST API and its log. {@link #query} and {@link #cacheTable} run
 * sleeping rows repartitioned in three: a map stage writes the shuffle on every executor that runs
 * one of its tasks. Once executors are gone, {@link #problemsMovingShuffle} checks where Spark
 * records the shuffle's blocks, the driver's map output locations (it logs each one a decommissioned
 * executor moves: {@code Updating map output for <map id> to <block manager>}; the map id is the
 * task's id). Through Spark Connect a later query reads an earlier one's shuffle only through a
 * cached table (every query plans a shuffle of its own): with {@link #cacheTable}, whose partitions
 * land on the executors that read the shuffle, {@link #problemsReadingItBack} reads the table, and
 * the answer is right and no stage runs again (a block lost with its executor would make Spark
 * compute it again, from the shuffle, or from the start when that is lost too).
 */
public final class ShuffleAfterDecommission {

  private static final String TABLE = "decommission_rows";
  private static final Pattern MAP_OUTPUT_MOVED =
      Pattern.compile("Updating map output for (\\d+) to BlockManagerId\\(([^,]+),");

  private final SparkSession spark;
  private final boolean cached;
  private final SparkRestApi rest;
  private final KnownAnswerQuery rows;
  private final int mapStage;
  private final int lastStageWritten;
  private final int partitions;

  private ShuffleAfterDecommission(SparkSession spark, SparkRestApi rest, KnownAnswerQuery rows, int stagesBefore,
      int partitions, boolean cached) {
    this.spark = spark;
    this.cached = cached;
    this.rest = rest;
    this.rows = rows;
    // The sleeping rows' stage (caching also counts the rows, through a small shuffle of its own).
    List<JsonNode> mapStages = rest.stages().stream().filter(s -> s.path("stageId").asInt() > stagesBefore)
        .filter(s -> s.path("numTasks").asInt() == partitions && s.path("shuffleWriteRecords").asLong() > 0).toList();
    if (mapStages.size() != 1) {
      throw new IllegalStateException("expected one stage writing the table's shuffle, found " + mapStages);
    }
    this.mapStage = mapStages.get(0).path("stageId").asInt();
    this.lastStageWritten = lastStage(rest);
    this.partitions = partitions;
  }

  /**
   * Runs the rows through the shuffle once, caching nothing: {@code partitions} map tasks of two
   * rows, each row sleeping {@code millisPerRow} (long enough to spread them over the executors, or
   * to scale executors out).
   *
   * @param uiUrl the driver's web UI
   */
  public static ShuffleAfterDecommission query(SparkSession spark, String uiUrl, int partitions, int millisPerRow) {
    return run(spark, uiUrl, partitions, millisPerRow, false);
  }

  /** As {@link #query}, the rows cached as a table (its cache built from the shuffle). */
  public static ShuffleAfterDecommission cacheTable(SparkSession spark, String uiUrl, int partitions, int millisPerRow) {
    return run(spark, uiUrl, partitions, millisPerRow, true);
  }

  private static ShuffleAfterDecommission run(SparkSession spark, String uiUrl, int partitions, int millisPerRow,
      boolean cached) {
    SparkRestApi rest = SparkRestApi.of(uiUrl);
    int stagesBefore = lastStage(rest);
    KnownAnswerQuery rows = KnownAnswers.sleepingRows(partitions, millisPerRow);
    String repartitioned = "SELECT /*+ REPARTITION(3) */ id, s FROM (" + rows.sql() + ")";
    if (cached) {
      spark.sql("CACHE TABLE " + TABLE + " AS " + repartitioned);
    } else {
      String problem = ConnectQueries.problem(spark, new KnownAnswerQuery("repartitioned rows", repartitioned,
          rows.answer()));
      if (problem != null) {
        throw new IllegalStateException("wrong answer of " + repartitioned + ": " + problem);
      }
    }
    return new ShuffleAfterDecommission(spark, rest, rows, stagesBefore, partitions, cached);
  }

  /** The ids of the executors that ran a task of the map stage, and so hold a part of its shuffle. */
  public List<String> executorsThatWroteShuffle() {
    return mapTasks().values().stream().distinct().toList();
  }

  /**
   * What is wrong with the map outputs of the executors that are gone (empty when nothing is): each
   * one moved, by the last move the driver logged, to an executor that still runs.
   *
   * @param driverLog the driver's log
   */
  public List<String> problemsMovingShuffle(Path driverLog) {
    Set<String> active = rest.executors(false).stream().map(e -> e.path("id").asText()).collect(Collectors.toSet());
    Map<String, String> movedTo = new HashMap<>();
    try {
      Matcher m = MAP_OUTPUT_MOVED.matcher(Files.readString(driverLog));
      while (m.find()) {
        movedTo.put(m.group(1), m.group(2));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    mapTasks().forEach((task, executor) -> {
      if (!active.contains(executor)) {
        String to = movedTo.get(task);
        if (to == null || !active.contains(to)) {
          problems.add("map output " + task + " of executor " + executor + (to == null ? " was not moved"
              : " was moved last to executor " + to + ", which is gone too") + " (live executors: " + active + ")");
        }
      }
    });
    return problems;
  }

  /** What went wrong reading the table back (empty when nothing did): a wrong answer, a stage run again. */
  public List<String> problemsReadingItBack() {
    if (!cached) {
      throw new IllegalStateException("nothing was cached to read back; use cacheTable");
    }
    List<String> problems = new ArrayList<>();
    String answer = ConnectQueries.problem(spark, new KnownAnswerQuery("the table read back", "SELECT id, s FROM " + TABLE,
        rows.answer()));
    if (answer != null) {
      problems.add("wrong answer reading the table back: " + answer);
    }
    // Stages of this shuffle and after: the application may have run (and retried) others before.
    for (JsonNode stage : rest.stages().stream().filter(st -> st.path("stageId").asInt() >= mapStage).toList()) {
      if (stage.path("attemptId").asInt() > 0 || stage.path("status").asText().equals("FAILED")) {
        problems.add("stage " + stage.path("stageId").asInt() + " attempt " + stage.path("attemptId").asInt()
            + " (" + stage.path("status").asText() + "): a stage ran again or failed");
      }
    }
    List<JsonNode> readBack = rest.stages().stream().filter(s -> s.path("stageId").asInt() > lastStageWritten).toList();
    if (readBack.stream().anyMatch(s -> s.path("shuffleWriteRecords").asLong() > 0)) {
      problems.add("reading the table back wrote its shuffle again: " + readBack);
    }
    // The same shuffle's stage again (the scheduler forgets a stage once its jobs end), skipped: its map outputs are there.
    if (readBack.stream().noneMatch(s -> s.path("status").asText().equals("SKIPPED")
        && s.path("numTasks").asInt() == partitions)) {
      problems.add("reading the table back did not skip the map stage of " + partitions + " tasks: " + readBack);
    }
    return problems;
  }

  /** Task id (the map output's id) -> the executor that ran it, for the map stage's successful tasks. */
  private Map<String, String> mapTasks() {
    Map<String, String> out = new HashMap<>();
    rest.tasks(mapStage, 0).stream().filter(t -> t.path("status").asText().equals("SUCCESS"))
        .forEach(t -> out.put(t.path("taskId").asText(), t.path("executorId").asText()));
    return out;
  }

  private static int lastStage(SparkRestApi rest) {
    return rest.stages().stream().mapToInt(s -> s.path("stageId").asInt()).max().orElse(-1);
  }

}
