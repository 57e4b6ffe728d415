package dev.sparkk8s.jobs.submit;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.jobs.profile.JobProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a user asks to run: a name (the job's id), the application (in the image, or on S3), its main class and
 * arguments, and Spark keys the profile leaves to the job.
 */
public record JobRequest(String name, Optional<String> mainClass, String app, List<String> args,
    Map<String, String> conf) {

  /** An object name every job kind accepts: a DNS-1123 label (a driver pod's Service is named after it). */
  private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

  public JobRequest {
    args = List.copyOf(args);
    conf = Map.copyOf(conf);
  }

  /** Whether the application is a Python file (else a jar). */
  public boolean python() {
    return app.endsWith(".py");
  }

  /**
   * spark-submit's arguments for the request, after the client's own: its name (when it has one), main class and
   * keys, then the application (as given in {@code app}) and its arguments.
   */
  public List<String> submitArguments(String app) {
    List<String> out = new ArrayList<>();
    if (name != null) {
      out.addAll(List.of("--name", name));
    }
    mainClass.ifPresent(c -> out.addAll(List.of("--class", c)));
    new TreeMap<>(conf).forEach((k, v) -> out.addAll(List.of("--conf", k + "=" + v)));
    out.add(app);
    out.addAll(args);
    return out;
  }

  /** Refuses, in one line and with exit code 2, what the profile does not allow. */
  public JobRequest checkedAgainst(JobProfile profile) {
    checkName();
    if (!app.startsWith("local:///") && !app.startsWith("s3a://")) {
      throw bad("APP " + app + ": give local:///path (a file in the image) or s3a://bucket/key");
    }
    if (python() && profile.kind() == JobKind.SUBMISSION_JOB) {
      throw bad("APP " + app + ": Spark's Standalone cluster deploy mode does not run Python applications (release "
          + profile.release() + " has the standalone backend); give a jar, or use the kubernetes or operator backend");
    }
    return checkedClassAndKeys(profile);
  }

  /**
   * {@link #checkedAgainst} for the local platform ({@code up --local}), where a name is optional (the Standalone
   * driver's id is the job's then) and the application is a jar on this machine (the worker copies it, as
   * Standalone's cluster deploy mode does; it refuses Python applications).
   */
  public JobRequest checkedLocally(JobProfile profile) {
    if (name != null) {
      checkName();
    }
    if (python()) {
      throw bad("APP " + app + ": Spark's Standalone cluster deploy mode does not run Python applications; give a jar");
    }
    return checkedClassAndKeys(profile);
  }

  private void checkName() {
    if (!NAME.matcher(name).matches()) {
      throw bad("--name " + name + ": a job name is lower-case letters, digits and '-', starts with a letter, at "
          + "most 63 characters");
    }
  }

  private JobRequest checkedClassAndKeys(JobProfile profile) {
    if (!python() && mainClass.isEmpty()) {
      throw bad("--class: a jar application needs its main class");
    }
    for (String key : new TreeMap<>(conf).keySet()) {
      if (profile.derivedKeys().contains(key)) {
        throw bad("--conf " + key + ": release " + profile.release() + " derives this key from its chart values; "
            + "change the release's values instead");
      }
    }
    return this;
  }

  private static SparkK8sException bad(String message) {
    return new SparkK8sException(ExitCode.BAD_INPUT, message);
  }
}
