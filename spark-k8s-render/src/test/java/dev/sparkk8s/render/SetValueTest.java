package dev.sparkk8s.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SetValueTest {

  @Test
  void oneArgumentMayHoldSeveralPairs() {
    assertThat(SetValue.parse("a=1,b.c=x"))
        .containsExactly(new SetValue("a", "1"), new SetValue("b.c", "x"));
  }

  @Test
  void backslashEscapesACommaInTheValueAndTheValueMayHoldEquals() {
    assertThat(SetValue.parse("a=x\\,y")).containsExactly(new SetValue("a", "x,y"));
    assertThat(SetValue.parse("conf=k=v")).containsExactly(new SetValue("conf", "k=v"));
  }

  @Test
  void anEscapedDotStaysInTheKeyForHelm() {
    assertThat(SetValue.parse("labels.app\\.kubernetes\\.io/name=x"))
        .containsExactly(new SetValue("labels.app\\.kubernetes\\.io/name", "x"));
  }

  @Test
  void emptyValueIsAllowed() {
    assertThat(SetValue.parse("a=")).containsExactly(new SetValue("a", ""));
  }

  @Test
  void aPairWithoutEqualsIsRefused() {
    assertThatThrownBy(() -> SetValue.parse("spark.version"))
        .isInstanceOf(ValuesException.class)
        .hasMessage("--set spark.version: expected key=value");
    assertThatThrownBy(() -> SetValue.parse("=1")).isInstanceOf(ValuesException.class);
  }

  @Test
  void listSyntaxIsRefusedWithAHint() {
    assertThatThrownBy(() -> SetValue.parse("args={a,b}"))
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("args[0]=a");
  }

  @Test
  void orderedSetsKeepTheLastOfTheSameKeyAndLetAParentOverrideItsChildren() {
    List<SetValue> resolved = OrderedSets.resolve(List.of(
        new SetValue("a", "1"), new SetValue("b.c", "2"), new SetValue("d[0]", "x"),
        new SetValue("a", "3"), new SetValue("b", "4"), new SetValue("d", "y")));
    assertThat(resolved).containsExactly(new SetValue("a", "3"), new SetValue("b", "4"),
        new SetValue("d", "y"));
  }

  @Test
  void orderedSetsRefuseAChildAfterItsParentAsHelmDoes() {
    assertThatThrownBy(() -> OrderedSets.resolve(List.of(new SetValue("a", "1"), new SetValue("a.b", "2"))))
        .isInstanceOf(ValuesException.class)
        .hasMessageStartingWith("--set a.b: conflicts with the earlier --set a");
  }

  @Test
  void siblingsWithACommonPrefixDoNotConflict() {
    assertThat(OrderedSets.resolve(List.of(new SetValue("ab", "1"), new SetValue("a", "2"))))
        .hasSize(2);
  }
}
