package org.uapispec.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Errno;

class CatalogueTest {
    private static final Catalogue CATALOGUE = Catalogue.standard();

    @Test
    void everyNumberFromOneToTheLastHasOneEntryWithEveryFieldFilled() {
        assertThat(CATALOGUE.entries()).extracting(Catalogue.Entry::id)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, CATALOGUE.lastId()).boxed().toList());
        assertThat(CATALOGUE.entries()).allSatisfy(entry -> {
            assertThat(entry.key()).matches("[A-Z0-9][A-Z0-9.+-]*");
            assertThat(entry.title()).isNotBlank().hasSizeLessThanOrEqualTo(120);
            assertThat(entry.summary()).isNotBlank();
            assertThat(entry.area()).matches("A\\.([1-9]|1[01]) .+");
            assertThat(entry.igt()).allSatisfy(test -> assertThat(test).contains("@"));
        });
        assertThat(CATALOGUE.firstId()).isEqualTo(1);
        // 1-109 from the first catalogue (A.1-A.7), 110-164 the suite's additions (A.8-A.11)
        assertThat(CATALOGUE.lastId()).isEqualTo(164);
        assertThat(CATALOGUE.byId(126).orElseThrow().key()).isEqualTo("VGEM-DMABUF-POLL");
    }

    @Test
    void aNumberAndAKeyNameTheSameEntry() {
        Catalogue.Entry flink = CATALOGUE.resolve("FLINK-BASIC").orElseThrow();
        assertThat(CATALOGUE.resolve("18")).containsSame(flink);
        assertThat(flink.label()).isEqualTo("18 FLINK-BASIC");
        assertThat(flink.enforced()).contains(new Catalogue.Source("drivers/gpu/drm/drm_gem.c", "drm_gem_flink_ioctl"));
        assertThat(CATALOGUE.resolve("CLOSE-BAD").orElseThrow().errnos()).containsExactly(Errno.EINVAL);
        assertThat(CATALOGUE.resolve("USERPTR-OVERLAP-3.16")).map(Catalogue.Entry::id).contains(43);
    }

    @Test
    void whatNamesNoEntryResolvesToNothing() {
        assertThat(CATALOGUE.resolve("FLINK-BASC")).isEmpty();
        assertThat(CATALOGUE.resolve("9999")).isEmpty();
        assertThat(CATALOGUE.resolve("0")).isEmpty();
        assertThat(CATALOGUE.resolve("99999999999999")).isEmpty();
        assertThat(CATALOGUE.resolve("")).isEmpty();
        assertThat(CATALOGUE.resolve("flink-basic")).isEmpty();
    }

    @Test
    void aFileWithAnUnknownErrnoOrATwiceGivenNumberIsRefusedWithWhatIsWrong() {
        String entry = """
                {"id": %d, "key": "%s", "area": "A.1 x", "title": "t", "summary": "s", "errnos": [%s],
                 "enforced": [], "eras": [], "igt": [], "confidence": "read"}""";
        assertThatThrownBy(() -> read("{\"entries\": [" + entry.formatted(1, "A", "\"EWHAT\"") + "]}"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("EWHAT");
        assertThatThrownBy(() -> read("{\"entries\": [" + entry.formatted(1, "A", "") + ", "
                + entry.formatted(1, "B", "") + "]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("catalogue number 1 is given twice");
        assertThatThrownBy(() -> read("{\"entries\": [{\"id\": 1, \"key\": \"A\"}]}"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("area");
    }

    private static Catalogue read(String json) {
        return Catalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
