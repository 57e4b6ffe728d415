package dev.sparkk8s.jobs.submit;

import dev.sparkk8s.jobs.profile.JobProfile;
import java.util.Map;
import java.util.TreeMap;

/** A job's Spark configuration: the profile's, the request's own keys, and the job's name. */
final class JobConf {

  private JobConf() {
  }

  static Map<String, String> of(JobProfile profile, JobRequest request) {
    Map<String, String> conf = new TreeMap<>(profile.conf());
    conf.putAll(request.conf());
    conf.put("spark.app.name", request.name());
    return conf;
  }
}
