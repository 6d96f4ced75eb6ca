package io.camelvideo.kling.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KlingTaskTest {

    private final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void aiMultiShotViewsGivenAsUrl1To3CountAsThreeImagesLikeTheOneUrlShape() throws Exception {
        KlingTask listItem = mapper.readValue("{\"task_id\":\"871500011122233344\",\"task_status\":\"succeed\","
                + "\"task_result\":{\"images\":[{\"index\":0,\"url_1\":\"https://x/view_1.png\",\"url_2\":\"https://x/view_2.png\","
                + "\"url_3\":\"https://x/view_3.png\"}]}}", KlingTask.class);
        KlingTask getOne = mapper.readValue("{\"task_id\":\"871500011122233344\",\"task_status\":\"succeed\","
                + "\"task_result\":{\"images\":[{\"index\":0,\"url\":\"https://x/a.png\"},{\"index\":1,\"url\":\"https://x/b.png\"}]}}",
                KlingTask.class);

        assertThat(listItem.images()).extracting(KlingTask.Image::url)
                .containsExactly("https://x/view_1.png", "https://x/view_2.png", "https://x/view_3.png");
        assertThat(listItem.images()).extracting(KlingTask.Image::index).containsExactly(0, 1, 2);
        assertThat(getOne.images()).extracting(KlingTask.Image::url).containsExactly("https://x/a.png", "https://x/b.png");
        assertThat(mapper.readValue(mapper.writeValueAsString(listItem), KlingTask.class).images())
                .as("kept in the ledger as JSON and read back").hasSize(3);
    }
}
