package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.jobs.local.LocalPlatformJobs;
import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.kube.KnownAnswerJar;
import dev.sparkk8s.local.SparkHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jobs submit|list|status|kill|logs --local} on the run's shared platforms (Spark 3.5 and 4.1, with
 * spark.authenticate and encryption on): the known-answer PiJob in Standalone cluster deploy mode on the platform's
 * master, its driver on a worker.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
@ExtendWith(SharedPlatforms.Resolver.class)
class LocalJobsIT {

  private static final Duration STATE_WAIT = Duration.ofMinutes(3);

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void submitWaitRunsToSucceededWithTheAnswerInTheLogs(String version, SharedPlatforms platforms, @TempDir Path dir)
      throws Exception {
    Path runDir = platforms.of(version).runDir();
    Path jar = KnownAnswerJar.build(SparkHome.built(version), dir);

    Cli.Result submit = jobs(runDir, "submit", "--name", "pi", "--class", KnownAnswerJar.MAIN_CLASS, "--wait",
        jar.toString(), "200000");
    assertThat(submit.exitCode()).as(submit.toString()).isZero();
    assertThat(submit.out()).startsWith("pi\n").contains("SUCCEEDED", "driver/FINISHED");

    Cli.Result logs = jobs(runDir, "logs", "pi");
    assertThat(logs.exitCode()).as(logs.toString()).isZero();
    assertThat(logs.out()).contains("Pi is roughly 3.1415", "Submitted application: pi");
    // Its executor's log, in the worker's directory of its application.
    Cli.Result executorLog = jobs(runDir, "logs", "pi", "--executor", "0");
    assertThat(executorLog.exitCode()).as(executorLog.toString()).isZero();
    assertThat(executorLog.out()).contains("CoarseGrainedExecutorBackend");
    Cli.Result status = jobs(runDir, "status", "pi");
    assertThat(status.out()).containsPattern("pi +SUCCEEDED +driver/FINISHED +driver-[0-9]+-[0-9]+ on worker-");
    assertThat(jobs(runDir, "list").out()).contains("pi ");
  }

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void killByGlobEndsKilledAndLeavesTheOtherJobRunning(String version, SharedPlatforms platforms, @TempDir Path dir)
      throws Exception {
    Path runDir = platforms.of(version).runDir();
    Path jar = KnownAnswerJar.build(SparkHome.built(version), dir);
    for (String name : new String[] {"sleepy-kill", "sleepy-keep"}) {
      // The answer, then ten minutes of sleep: running until it is killed.
      Cli.Result submit = jobs(runDir, "submit", "--name", name, "--class", KnownAnswerJar.MAIN_CLASS, "file://" + jar,
          "1000", "600");
      assertThat(submit.exitCode()).as(submit.toString()).isZero();
      assertThat(submit.out()).isEqualTo(name + "\n");
    }
    LocalPlatformJobs jobs = LocalPlatformJobs.at(runDir);
    assertThat(stateOf(jobs, "sleepy-kill", JobState.RUNNING)).isEqualTo(JobState.RUNNING);
    assertThat(stateOf(jobs, "sleepy-keep", JobState.RUNNING)).isEqualTo(JobState.RUNNING);

    Cli.Result kill = jobs(runDir, "kill", "sleepy-ki*");
    assertThat(kill.exitCode()).as(kill.toString()).isZero();
    assertThat(kill.out()).isEqualTo("killed sleepy-kill\n");
    assertThat(stateOf(jobs, "sleepy-kill", JobState.KILLED)).isEqualTo(JobState.KILLED);
    assertThat(jobs.get("sleepy-keep").status().state()).isEqualTo(JobState.RUNNING);
    // It goes on: its answer, computed on its executor, reaches its log.
    assertThat(Poll.every(Duration.ofSeconds(2), STATE_WAIT)
        .until(() -> jobs(runDir, "logs", "sleepy-keep").out().contains("Pi is roughly 3.14")))
        .as(jobs(runDir, "logs", "sleepy-keep").toString()).isTrue();
    assertThat(jobs.get("sleepy-keep").status().state()).isEqualTo(JobState.RUNNING);

    // logs -f follows the driver's files until it ends: here, until it is killed.
    CompletableFuture<Cli.Result> following = CompletableFuture.supplyAsync(() -> jobs(runDir, "logs", "-f",
        "sleepy-keep"));
    assertThat(jobs(runDir, "kill", "sleepy-keep").out()).isEqualTo("killed sleepy-keep\n");
    assertThat(stateOf(jobs, "sleepy-keep", JobState.KILLED)).isEqualTo(JobState.KILLED);
    Cli.Result followed = following.get(STATE_WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(followed.exitCode()).as(followed.toString()).isZero();
    assertThat(followed.out()).contains("Pi is roughly 3.14");
    assertThat(jobs(runDir, "kill", "sleepy-*").out())
        .contains("sleepy-kill has already ended: KILLED", "sleepy-keep has already ended: KILLED");
  }

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void aFailingDriverEndsFailed(String version, SharedPlatforms platforms, @TempDir Path dir) throws Exception {
    Path runDir = platforms.of(version).runDir();
    Path jar = KnownAnswerJar.build(SparkHome.built(version), dir);

    // Without --name: the job's id is its driver's.
    Cli.Result submit = jobs(runDir, "submit", "--class", KnownAnswerJar.MAIN_CLASS, "--wait", "local://" + jar, "fail");
    assertThat(submit.exitCode()).as(submit.toString()).isEqualTo(1);
    assertThat(submit.out()).containsPattern("^driver-[0-9]+-[0-9]+\n").contains("FAILED", "driver/FAILED");
  }

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void badInputIsOneLineAndExitCode2(String version, SharedPlatforms platforms, @TempDir Path dir) throws Exception {
    Path runDir = platforms.of(version).runDir();
    Path jar = KnownAnswerJar.build(SparkHome.built(version), dir);

    assertBadInput(jobs(runDir, "status", "no-such-job"), "no job no-such-job on the local platform at ");
    assertBadInput(jobs(runDir, "kill", "nightly-*"), "no job matches nightly-* on the local platform at ");
    assertBadInput(jobs(runDir, "logs", "no-such-job"), "no job no-such-job on the local platform at ");
    assertBadInput(jobs(runDir, "submit", "--class", "PiJob", dir.resolve("missing.jar").toString()),
        "APP " + dir.resolve("missing.jar") + ": no readable file");
    assertBadInput(jobs(runDir, "submit", "--class", "PiJob", "s3a://bucket/pi.jar"),
        "APP s3a://bucket/pi.jar: on the local platform give a file of this machine");
    assertBadInput(jobs(runDir, "submit", "--class", "PiJob", "--conf", "spark.executor.memory=2g", jar.toString()),
        "--conf spark.executor.memory: release local derives this key from its chart values");
    assertBadInput(jobs(runDir, "submit", dir.resolve("job.py").toString()),
        "APP " + dir.resolve("job.py") + ": Spark's Standalone cluster deploy mode does not run Python applications");
    assertBadInput(jobs(dir.resolve("nothing-up-here"), "list"), "no local platform is up at ");
  }

  private static Cli.Result jobs(Path runDir, String verb, String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "jobs";
    all[1] = verb;
    all[2] = "--local";
    all[3] = "--run-dir";
    all[4] = runDir.toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return Cli.run(all);
  }

  /** The job's state once it is {@code wanted} or has ended. */
  private static JobState stateOf(LocalPlatformJobs jobs, String id, JobState wanted) {
    JobState[] last = {null};
    Poll.every(Duration.ofSeconds(1), STATE_WAIT).until(() -> {
      Job job = jobs.list().stream().filter(j -> j.id().equals(id)).findFirst().orElse(null);
      last[0] = job == null ? null : job.status().state();
      return last[0] == wanted || (last[0] != null && last[0].ended());
    });
    return last[0];
  }

  private static void assertBadInput(Cli.Result result, String start) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err().lines().toList()).as(result.toString()).singleElement().asString().contains(start);
  }
}
