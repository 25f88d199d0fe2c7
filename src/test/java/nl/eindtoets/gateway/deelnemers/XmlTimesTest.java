package nl.eindtoets.gateway.deelnemers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class XmlTimesTest {

    @Test
    void exactDateTimeOnAWholeMinuteKeepsItsSeconds() {
        var xml = XmlTimes.xmlDateTimeExact(OffsetDateTime.of(2026, 11, 15, 10, 0, 0, 0, ZoneOffset.UTC));

        assertThat(xml.toXMLFormat()).isEqualTo("2026-11-15T10:00:00Z");
    }

    @Test
    void exactDateTimeKeepsMicrosecondsAndConvertsToUtc() {
        var xml = XmlTimes.xmlDateTimeExact(OffsetDateTime.of(2026, 11, 15, 11, 30, 5, 123_456_000, ZoneOffset.ofHours(1)));

        assertThat(xml.toXMLFormat()).isEqualTo("2026-11-15T10:30:05.123456Z");
    }
}
