package nl.eindtoets.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class BodyDigestTest {

    private static final String LIST = "<lg:leerlinggegevens xmlns:lg=\"urn:lg\"><lg:leerling key=\"a\" eckid=\"e\">"
            + "<lg:achternaam>Jansen &amp; Zn</lg:achternaam></lg:leerling></lg:leerlinggegevens>";

    @BeforeAll
    static void initSantuario() {
        Init.init();
    }

    @Test
    void isTheHexSha256OfTheExclusiveCanonicalForm() throws Exception {
        Element payload = parse(LIST);
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(payload, canonical);

        assertThat(BodyDigest.of(payload)).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray())));
    }

    @Test
    void isEqualForAnotherAttributeOrderQuotingAndEscapingOfTheSameList() throws Exception {
        String same = "<lg:leerlinggegevens xmlns:lg='urn:lg'><lg:leerling eckid='e'  key='a' >"
                + "<lg:achternaam>Jansen &#38; Zn</lg:achternaam></lg:leerling></lg:leerlinggegevens>";

        assertThat(BodyDigest.of(parse(same))).isEqualTo(BodyDigest.of(parse(LIST)));
    }

    @Test
    void differsWhenOneValueDiffers() throws Exception {
        assertThat(BodyDigest.of(parse(LIST.replace("Jansen", "Janssen")))).isNotEqualTo(BodyDigest.of(parse(LIST)));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }
}
