package io.camelvideo.legnext;

import io.camelvideo.task.testing.CatalogChecks;
import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** legnext: as catalog-based tooling sees it: its JSON, its descriptions, and URIs checked against it. */
class LegnextCatalogTest {

    @Test
    void theCatalogFindsTheComponentWithEveryOptionAndHeaderDescribed() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("legnext", new LegnextComponent());
            ComponentModel model = CatalogChecks.model(context, "legnext");

            assertThat(model.getScheme()).isEqualTo("legnext");
            assertThat(model.getTitle()).isEqualTo("Legnext (Midjourney)");
            assertThat(model.getLabel()).isEqualTo("ai");
            assertThat(model.getSyntax()).isEqualTo("legnext:operation");
            assertThat(model.isConsumerOnly() || model.isProducerOnly()).as("producer and consumer").isFalse();
            assertThat(model.getEndpointOptions()).extracting(o -> o.getName())
                    .contains("operation", "waitForCompletion", "maxDeliveryAttempts", "downloadOutput");
            CatalogChecks.assertEveryOptionAndHeaderIsDescribed(model);

            EndpointValidationResult good = CatalogChecks.validate(context, "legnext", "operation", "diffusion", "waitForCompletion=true");
            EndpointValidationResult bad = CatalogChecks.validate(context, "legnext", "operation", "explode", "");
            assertThat(good.isSuccess()).as(good.summaryErrorMessage(false)).isTrue();
            assertThat(bad.isSuccess()).isFalse();
            assertThat(bad.getInvalidEnum()).containsKey("operation");
        }
    }

    @Test
    void theComponentListOfTheJarNamesTheScheme() throws Exception {
        Properties list = CatalogChecks.componentList(LegnextComponent.class);
        assertThat(list.getProperty("components")).isEqualTo("legnext");
        assertThat(list.getProperty("artifactId")).isEqualTo("camel-legnext");
    }
}
