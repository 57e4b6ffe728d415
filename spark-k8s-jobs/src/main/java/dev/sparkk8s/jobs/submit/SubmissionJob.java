package dev.sparkk8s.jobs.submit;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.profile.JobProfile;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone backend's Kubernetes Job for one submission: the profile's {@code submission-job.yaml} as the chart
 * rendered it, named after the job, with spark-submit's arguments after the template's (its submit script's path).
 */
public final class SubmissionJob {

  private SubmissionJob() {
  }

  public static Job of(JobProfile profile, JobRequest request, String namespace) {
    Job template = profile.submissionTemplate().orElseThrow(() -> new SparkK8sException(ExitCode.BAD_INPUT,
        "the job profile of release " + profile.release() + " has no submission Job; upgrade the release with "
            + "this chart version"));
    Job job = new JobBuilder(template).editMetadata().withName(request.name()).withNamespace(namespace).endMetadata()
        .build();
    Container submit = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    List<String> args = new ArrayList<>(submit.getArgs() == null ? List.of() : submit.getArgs());
    args.addAll(submitArguments(request));
    submit.setArgs(args);
    return job;
  }

  /**
   * spark-submit's arguments for the request: its name, class and keys, then the application and its arguments, with
   * every {@code $} doubled: the kubelet would replace {@code $(NAME)} in a container's arguments.
   */
  static List<String> submitArguments(JobRequest request) {
    return request.submitArguments(request.app()).stream().map(a -> a.replace("$", "$$")).toList();
  }
}
