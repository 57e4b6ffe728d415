package dev.sparkk8s.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sparkk8s.policy.Finding;
import java.util.List;

/** Assertions on findings. */
public final class Expect {

  private Expect() {
  }

  /** Exactly one finding, at this rule, resource, container and field; it has a message and a fix. */
  public static Finding only(List<Finding> findings, String rule, String resource, String container, String field) {
    assertThat(findings)
        .extracting(Finding::rule, Finding::resource, Finding::container, Finding::field)
        .containsExactly(tuple(rule, resource, container, field));
    Finding finding = findings.get(0);
    assertThat(finding.message()).isNotBlank();
    assertThat(finding.fix()).isNotBlank();
    return finding;
  }
}
