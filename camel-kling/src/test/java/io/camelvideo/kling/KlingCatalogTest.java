package io.camelvideo.kling;

import io.camelvideo.task.testing.CatalogChecks;
import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** kling: as catalog-based tooling sees it: its JSON, its descriptions, and URIs checked against it. */
class KlingCatalogTest {

    @Test
    void theCatalogFindsTheComponentWithEveryOptionAndHeaderDescribed() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("kling", new KlingComponent());
            ComponentModel model = CatalogChecks.model(context, "kling");

            assertThat(model.getScheme()).isEqualTo("kling");
            assertThat(model.getTitle()).isEqualTo("Kling AI");
            assertThat(model.getLabel()).isEqualTo("ai");
            assertThat(model.getSyntax()).isEqualTo("kling:kind");
            assertThat(model.isConsumerOnly() || model.isProducerOnly()).as("producer and consumer").isFalse();
            assertThat(model.getEndpointOptions()).extracting(o -> o.getName())
                    .contains("kind", "operation", "waitForCompletion", "maxDeliveryAttempts", "imageIndex", "selectionAction");
            CatalogChecks.assertEveryOptionAndHeaderIsDescribed(model);

            EndpointValidationResult good = CatalogChecks.validate(context, "kling", "kind", "text2video",
                    "mode=pro&waitForCompletion=true");
            EndpointValidationResult bad = CatalogChecks.validate(context, "kling", "kind", "text2video", "operation=explode");
            assertThat(good.isSuccess()).as(good.summaryErrorMessage(false)).isTrue();
            assertThat(bad.isSuccess()).isFalse();
            assertThat(bad.getInvalidEnum()).containsKey("operation");
        }
    }

    @Test
    void theComponentListOfTheJarNamesTheScheme() throws Exception {
        Properties list = CatalogChecks.componentList(KlingComponent.class);
        assertThat(list.getProperty("components")).isEqualTo("kling");
        assertThat(list.getProperty("artifactId")).isEqualTo("camel-kling");
    }
}
