package nl.helpline.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValueMappingTest {

    private static ValueMapping mapping;

    @BeforeAll
    static void load() {
        mapping = TestMappings.mapping();
    }

    @Test
    void mapsContractLabelsAndSynonyms() {
        assertThat(mapping.code("channel", "Telefoon")).isEqualTo("PHONE");
        assertThat(mapping.code("channel", "Email")).isEqualTo("EMAIL");
        assertThat(mapping.code("channel", "e-mail")).isEqualTo("EMAIL");
        assertThat(mapping.code("channel", "Mail")).isEqualTo("EMAIL");
        assertThat(mapping.code("additional_support", "GGZ consultatie")).isEqualTo("MENTAL_HEALTH");
        assertThat(mapping.code("phenomenon", "Rechts extremisme")).isEqualTo("RIGHT_WING");
        assertThat(mapping.code("help_question", "Is de situatie zorgelijk?")).isEqualTo("IS_CONCERNING");
    }

    @Test
    void ignoresCaseWhiteSpaceAndKindOfDash() {
        assertThat(mapping.code("status", "  in   BEHANDELING ")).isEqualTo("IN_PROGRESS");
        assertThat(mapping.code("status", "In\u00A0behandeling")).isEqualTo("IN_PROGRESS");
        assertThat(mapping.code("status", "\tIn behandeling\u202F")).isEqualTo("IN_PROGRESS");
        assertThat(mapping.code("channel", "E\u2013mail")).isEqualTo("EMAIL");
        assertThat(mapping.code("phenomenon", "rechts\u2011extremisme")).isEqualTo("RIGHT_WING");
        assertThat(mapping.code("status", "\uFEFFOpen")).isEqualTo("OPEN");
    }

    @Test
    void unknownLabelIsNullUnknownFieldIsAnError() {
        assertThat(mapping.code("channel", "Fax")).isNull();
        assertThat(mapping.code("channel", "")).isNull();
        assertThat(mapping.code("channel", null)).isNull();
        assertThat(mapping.code("channel", "PHONE")).as("codes are not labels").isNull();
        assertThatThrownBy(() -> mapping.code("colour", "Red")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsCodesInFileOrder() {
        assertThat(mapping.codes("follow_up")).containsExactly("CONSULTATION", "ADDITIONAL");
        assertThat(mapping.codes("channel")).containsExactly("PHONE", "EMAIL", "CHAT", "IN_PERSON", "OTHER");
        assertThat(mapping.fields()).containsExactly("status", "channel", "requester_type", "work_domain",
                "phenomenon", "help_question", "follow_up", "additional_support");
    }

    @Test
    void isImmutable() {
        assertThatThrownBy(() -> mapping.codes("status").add("X")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> mapping.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsYamlLabelsAsWrittenText() {
        ValueMapping m = ValueMapping.load(stream("""
                answer:
                  YES: [Ja, Yes]
                  NO: [No, Off, 0]
                  ONE: Eén
                """));
        assertThat(m.code("answer", "no")).isEqualTo("NO");
        assertThat(m.code("answer", "off")).isEqualTo("NO");
        assertThat(m.code("answer", "0")).isEqualTo("NO");
        assertThat(m.code("answer", "EÉN")).isEqualTo("ONE");
        assertThat(m.codes("answer")).containsExactly("YES", "NO", "ONE");
    }

    @Test
    void rejectsALabelGivenForTwoCodes() {
        assertThatThrownBy(() -> ValueMapping.load(stream("""
                channel:
                  PHONE: [Telefoon]
                  OTHER: [telefoon ]
                """)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PHONE").hasMessageContaining("OTHER");
    }

    @Test
    void rejectsAMalformedFile() {
        assertThatThrownBy(() -> ValueMapping.load(stream("channel: [a, b]\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ValueMapping.load(stream("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ByteArrayInputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
