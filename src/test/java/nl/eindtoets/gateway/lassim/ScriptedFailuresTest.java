package nl.eindtoets.gateway.lassim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScriptedFailuresTest {

    @Test
    void statusAndCountAreReadFromTheCommandLineForm() {
        assertThat(ScriptedFailures.parse("503:2")).containsExactly(503, 2);
    }

    @Test
    void aStatusAloneMeansOnce() {
        assertThat(ScriptedFailures.parse("422")).containsExactly(422, 1);
    }

    @Test
    void aSuccessStatusCannotBeScripted() {
        assertThatThrownBy(() -> ScriptedFailures.parse("202:1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("202");
    }

    @Test
    void scriptedStatusesAreAnsweredInTheOrderTheyWereGivenThenNoneRemain() {
        ScriptedFailures script = new ScriptedFailures();
        script.failNext(503, 2);
        script.failNext(422, 1);

        assertThat(script.take()).hasValue(503);
        assertThat(script.take()).hasValue(503);
        assertThat(script.take()).hasValue(422);
        assertThat(script.take()).isEmpty();
    }
}
