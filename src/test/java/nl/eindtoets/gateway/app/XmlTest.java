package nl.eindtoets.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void writesZeroSecondsOnTheMinute() {
        assertThat(Xml.at(OffsetDateTime.parse("2026-11-30T04:43:00Z")).toXMLFormat())
                .isEqualTo("2026-11-30T04:43:00Z");
    }

    @Test
    void dropsFractionsOfSeconds() {
        assertThat(Xml.at(OffsetDateTime.parse("2026-11-30T04:43:07.123456Z")).toXMLFormat())
                .isEqualTo("2026-11-30T04:43:07Z");
    }
}
